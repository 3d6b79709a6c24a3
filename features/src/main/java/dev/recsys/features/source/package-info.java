/**
 * Topics read back for offline work: each partition of the events topic up to the end it had
 * when the job began, the catalog as last known, and the impressions.
 */
package dev.recsys.features.source;
