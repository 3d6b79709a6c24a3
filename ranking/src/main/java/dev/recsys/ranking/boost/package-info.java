/**
 * Gradient boosted regression trees trained with the LambdaMART objective (Burges 2010) on
 * histogram bins, and their export as an ONNX {@code TreeEnsembleRegressor}.
 */
package dev.recsys.ranking.boost;
