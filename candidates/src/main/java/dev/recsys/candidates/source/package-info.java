/**
 * Candidate generation: sources that each propose items for a request (ANN by user vector,
 * item-to-item, popular, new) and the merger that applies per-source quotas and de-duplicates.
 */
package dev.recsys.candidates.source;
