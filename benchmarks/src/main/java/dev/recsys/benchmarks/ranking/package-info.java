/** The cost of ranking one request: a batched ONNX Runtime run over all its candidates. */
package dev.recsys.benchmarks.ranking;
