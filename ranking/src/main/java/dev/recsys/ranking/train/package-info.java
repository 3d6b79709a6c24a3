/**
 * Ranker training: fit a Tribuo model on a time-split training set, wrap its ONNX export so the
 * served graph takes raw features, evaluate the exported graph on the holdout.
 */
package dev.recsys.ranking.train;
