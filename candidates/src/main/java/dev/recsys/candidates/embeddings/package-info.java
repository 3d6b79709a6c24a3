/**
 * Item embeddings from implicit feedback: iALS with conjugate-gradient solves, recall evaluation on
 * held-out interactions, and the {@code models/embeddings/{version}/} artifact.
 */
package dev.recsys.candidates.embeddings;
