package dev.recsys.ranking.train;

import static dev.recsys.ranking.onnx.OnnxGraphs.floatInput;
import static dev.recsys.ranking.onnx.OnnxGraphs.floatOutput;
import static dev.recsys.ranking.onnx.OnnxGraphs.floats;
import static dev.recsys.ranking.onnx.OnnxGraphs.longs;
import static dev.recsys.ranking.onnx.OnnxGraphs.node;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.List;

/**
 * Wraps a Tribuo ONNX export into the served contract: raw features {@code [N, F]} in the
 * training set's order go through the {@link FeatureTransform} and a column gather into
 * Tribuo's (name-sorted) input; the positive label's probability comes out as {@code [N]}.
 */
final class ServingGraph {
  static final String INPUT = "features";
  static final String OUTPUT = "score";

  private ServingGraph() {}

  /**
   * @param columns for each Tribuo input column, the raw feature column that feeds it
   * @param positive the column of Tribuo's output holding the probability of label 1
   */
  static byte[] wrap(ModelProto tribuo, FeatureTransform transform, long[] columns, long positive) {
    GraphProto inner = tribuo.getGraph();
    String innerInput = inner.getInput(0).getName();
    String innerOutput = inner.getOutput(0).getName();
    int width = transform.center().length;
    GraphProto graph = inner.toBuilder()
        .clearInput()
        .addInput(floatInput(INPUT, width))
        .clearOutput()
        .addOutput(floatOutput(OUTPUT))
        .clearNode()
        .addNode(node("Abs", List.of(INPUT), "recsys_abs"))
        .addNode(node("Add", List.of("recsys_abs", "recsys_one"), "recsys_abs_plus_one"))
        .addNode(node("Log", List.of("recsys_abs_plus_one"), "recsys_log1p"))
        .addNode(node("Sign", List.of(INPUT), "recsys_sign"))
        .addNode(node("Mul", List.of("recsys_sign", "recsys_log1p"), "recsys_squashed"))
        .addNode(node("Sub", List.of("recsys_squashed", "recsys_center"), "recsys_centered"))
        .addNode(node("Mul", List.of("recsys_centered", "recsys_scale"), "recsys_scaled"))
        .addNode(gather("recsys_scaled", "recsys_columns", innerInput))
        .addAllNode(inner.getNodeList())
        .addNode(gather(innerOutput, "recsys_positive", OUTPUT))
        .addInitializer(floats("recsys_one", new float[] {1f}, false))
        .addInitializer(floats("recsys_center", transform.center(), true))
        .addInitializer(floats("recsys_scale", transform.scale(), true))
        .addInitializer(longs("recsys_columns", columns, true))
        .addInitializer(longs("recsys_positive", new long[] {positive}, false))
        .build();
    return tribuo.toBuilder()
        .setDocString("recsys ranker: raw features in, probability of label 1 out")
        .setGraph(graph)
        .build()
        .toByteArray();
  }

  private static NodeProto gather(String data, String indices, String output) {
    return node("Gather", List.of(data, indices), output).toBuilder()
        .addAttribute(AttributeProto.newBuilder()
            .setName("axis")
            .setI(1)
            .setType(AttributeProto.AttributeType.INT))
        .build();
  }
}
