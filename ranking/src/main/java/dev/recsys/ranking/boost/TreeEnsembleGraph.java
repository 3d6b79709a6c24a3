package dev.recsys.ranking.boost;

import static dev.recsys.ranking.onnx.OnnxGraphs.floatInput;
import static dev.recsys.ranking.onnx.OnnxGraphs.floatOutput;
import static dev.recsys.ranking.onnx.OnnxGraphs.longs;
import static dev.recsys.ranking.onnx.OnnxGraphs.node;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Boosted trees as ONNX: one {@code ai.onnx.ml TreeEnsembleRegressor} summing every tree's leaf,
 * reshaped to {@code [N]} and squashed by a {@code Sigmoid}. Raw features go straight in: a
 * tree's test is on the raw value, so no scaling is needed.
 */
final class TreeEnsembleGraph {
  private static final String ML_DOMAIN = "ai.onnx.ml";
  private static final long ML_OPSET = 1;
  private static final long OPSET = 13;
  private static final long IR_VERSION = 8;

  private TreeEnsembleGraph() {}

  static byte[] of(BoostedTrees model, String input, String output) {
    NodeProto ensemble = ensemble(model, input, "recsys_margin_2d");
    GraphProto graph = GraphProto.newBuilder()
        .setName("recsys_lambdamart")
        .addInput(floatInput(input, model.width()))
        .addOutput(floatOutput(output))
        .addNode(ensemble)
        .addNode(node("Reshape", List.of("recsys_margin_2d", "recsys_flat"), "recsys_margin"))
        .addNode(node("Sigmoid", List.of("recsys_margin"), output))
        .addInitializer(longs("recsys_flat", new long[] {-1}, true))
        .build();
    return ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .setProducerName("recsys")
        .setDocString("recsys LambdaMART ranker: raw features in, sigmoid of the tree sum out")
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(ML_DOMAIN).setVersion(ML_OPSET))
        .setGraph(graph)
        .build()
        .toByteArray();
  }

  private static NodeProto ensemble(BoostedTrees model, String input, String output) {
    Attributes a = new Attributes();
    for (int t = 0; t < model.trees().size(); t++) {
      RegressionTree tree = model.trees().get(t);
      for (int n = 0; n < tree.nodes(); n++) {
        boolean leaf = tree.isLeaf(n);
        a.node(
            t,
            n,
            leaf ? 0 : tree.feature()[n],
            leaf ? 0f : tree.threshold()[n],
            leaf ? "LEAF" : "BRANCH_LEQ",
            leaf ? 0 : tree.left()[n],
            leaf ? 0 : tree.right()[n]);
        if (leaf) {
          a.target(t, n, (float) tree.value()[n]);
        }
      }
    }
    return NodeProto.newBuilder()
        .setOpType("TreeEnsembleRegressor")
        .setDomain(ML_DOMAIN)
        .setName("recsys_trees")
        .addInput(input)
        .addOutput(output)
        .addAllAttribute(a.build())
        .addAttribute(AttributeProto.newBuilder()
            .setName("n_targets")
            .setI(1)
            .setType(AttributeProto.AttributeType.INT))
        .addAttribute(string("aggregate_function", "SUM"))
        .addAttribute(string("post_transform", "NONE"))
        .build();
  }

  private static AttributeProto string(String name, String value) {
    return AttributeProto.newBuilder()
        .setName(name)
        .setS(ByteString.copyFrom(value, StandardCharsets.UTF_8))
        .setType(AttributeProto.AttributeType.STRING)
        .build();
  }

  /** The ensemble's parallel attribute lists, one entry per node and one per leaf target. */
  private static final class Attributes {
    private final AttributeProto.Builder treeIds = ints("nodes_treeids");
    private final AttributeProto.Builder nodeIds = ints("nodes_nodeids");
    private final AttributeProto.Builder featureIds = ints("nodes_featureids");
    private final AttributeProto.Builder values = floats("nodes_values");
    private final AttributeProto.Builder modes = AttributeProto.newBuilder()
        .setName("nodes_modes")
        .setType(AttributeProto.AttributeType.STRINGS);
    private final AttributeProto.Builder trueIds = ints("nodes_truenodeids");
    private final AttributeProto.Builder falseIds = ints("nodes_falsenodeids");
    private final AttributeProto.Builder missingTrue = ints("nodes_missing_value_tracks_true");
    private final AttributeProto.Builder targetTrees = ints("target_treeids");
    private final AttributeProto.Builder targetNodes = ints("target_nodeids");
    private final AttributeProto.Builder targetIds = ints("target_ids");
    private final AttributeProto.Builder weights = floats("target_weights");

    void node(int tree, int node, int feature, float threshold, String mode, int yes, int no) {
      treeIds.addInts(tree);
      nodeIds.addInts(node);
      featureIds.addInts(feature);
      values.addFloats(threshold);
      modes.addStrings(ByteString.copyFrom(mode, StandardCharsets.UTF_8));
      trueIds.addInts(yes);
      falseIds.addInts(no);
      missingTrue.addInts(0); // NaN fails "<=" and goes right, as RegressionTree sends it
    }

    void target(int tree, int node, float weight) {
      targetTrees.addInts(tree);
      targetNodes.addInts(node);
      targetIds.addInts(0);
      weights.addFloats(weight);
    }

    List<AttributeProto> build() {
      return List.of(
          treeIds.build(),
          nodeIds.build(),
          featureIds.build(),
          values.build(),
          modes.build(),
          trueIds.build(),
          falseIds.build(),
          missingTrue.build(),
          targetTrees.build(),
          targetNodes.build(),
          targetIds.build(),
          weights.build());
    }

    private static AttributeProto.Builder ints(String name) {
      return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
    }

    private static AttributeProto.Builder floats(String name) {
      return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOATS);
    }
  }
}
