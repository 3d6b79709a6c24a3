/**
 * The model registry: {@code models/{kind}/{version}/} folders holding {@code model.onnx} and its
 * {@code model.json} card, plus an atomically replaced pointer to the promoted version per kind.
 */
package dev.recsys.ranking.registry;
