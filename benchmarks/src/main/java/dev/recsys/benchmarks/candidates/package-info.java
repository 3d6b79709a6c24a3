/** Retrieval at scale: embeddings trained on a large synthetic catalog, as ANN benchmark files. */
package dev.recsys.benchmarks.candidates;
