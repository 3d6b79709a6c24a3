/** Small builders for the ONNX graphs recsys writes itself (protobuf nodes, tensors, I/O). */
package dev.recsys.ranking.onnx;
