/**
 * Scoring candidates with a registered model: one ONNX Runtime session per model version, one
 * batched run per request, and a live scorer that follows the registry's promoted pointer.
 */
package dev.recsys.ranking.scoring;
