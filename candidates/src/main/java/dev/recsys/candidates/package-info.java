/** Item embeddings, the ANN index and candidate sources. */
package dev.recsys.candidates;
