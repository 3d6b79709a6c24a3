/**
 * Ranker training: fit a model (a Tribuo classifier or our LambdaMART trees) on a time-split
 * training set, export the served ONNX graph that takes raw features, evaluate that graph on the
 * holdout.
 */
package dev.recsys.ranking.train;
