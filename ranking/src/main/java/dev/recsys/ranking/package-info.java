/** Ranker training, ONNX scoring and the model registry. */
package dev.recsys.ranking;
