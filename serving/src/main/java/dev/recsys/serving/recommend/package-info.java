/**
 * The recommendation request path, free of HTTP: online features, candidate sources merged
 * with quotas, one batched ONNX ranking, re-ranking rules, impression logging; under a deadline,
 * degrading stage by stage instead of failing.
 */
package dev.recsys.serving.recommend;
