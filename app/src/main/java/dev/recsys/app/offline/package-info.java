/**
 * Offline jobs the commands and the demo share: implicit interactions read back from the topics,
 * embedding training, the offline training loop (replay, ranker, embeddings, index, promotion)
 * and batch scoring.
 */
package dev.recsys.app.offline;
