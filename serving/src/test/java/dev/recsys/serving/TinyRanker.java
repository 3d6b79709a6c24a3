package dev.recsys.serving;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.recsys.features.pair.PairFeatures;
import dev.recsys.ranking.registry.ModelCard;
import dev.recsys.ranking.registry.ModelRegistry;
import dev.recsys.ranking.registry.ModelVersion;
import dev.recsys.testkit.TestClocks;
import java.util.List;
import java.util.Map;

/**
 * A hand-built ONNX ranker over {@link PairFeatures#NAMES} (copied from ranking's TinyModels):
 * {@code sigmoid(0.05 * item_events_total - 1)}, so items rank by their event count.
 */
final class TinyRanker {
  private static final String INPUT = "features";
  private static final String OUTPUT = "score";

  private TinyRanker() {}

  static ModelVersion register(ModelRegistry registry) {
    float[] weights = new float[PairFeatures.NAMES.size()];
    weights[PairFeatures.NAMES.indexOf("item_events_total")] = 0.05f;
    ModelCard card = new ModelCard(
        ModelCard.RANKER,
        "external",
        INPUT,
        PairFeatures.NAMES,
        OUTPUT,
        "probability of a click",
        Map.of(),
        "",
        TestClocks.FIXED.instant());
    return registry.register(card, logistic(weights, -1f));
  }

  private static byte[] logistic(float[] weights, float bias) {
    GraphProto graph = GraphProto.newBuilder()
        .setName("tiny_ranker")
        .addInput(tensor(INPUT, -1, weights.length))
        .addOutput(tensor(OUTPUT, -1, 1))
        .addInitializer(floats("w", new long[] {weights.length, 1}, weights))
        .addInitializer(floats("b", new long[] {1}, new float[] {bias}))
        .addNode(node("MatMul", List.of(INPUT, "w"), "xw"))
        .addNode(node("Add", List.of("xw", "b"), "z"))
        .addNode(node("Sigmoid", List.of("z"), OUTPUT))
        .build();
    return ModelProto.newBuilder()
        .setIrVersion(8)
        .setProducerName("recsys-tests")
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
        .setGraph(graph)
        .build()
        .toByteArray();
  }

  private static NodeProto node(String op, List<String> inputs, String output) {
    return NodeProto.newBuilder()
        .setOpType(op)
        .setName(output + "_" + op.toLowerCase())
        .addAllInput(inputs)
        .addOutput(output)
        .build();
  }

  private static TensorProto floats(String name, long[] dims, float[] values) {
    TensorProto.Builder t =
        TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber());
    for (long d : dims) {
      t.addDims(d);
    }
    for (float v : values) {
      t.addFloatData(v);
    }
    return t.build();
  }

  private static ValueInfoProto tensor(String name, long... dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (long d : dims) {
      shape.addDim(
          d < 0
              ? TensorShapeProto.Dimension.newBuilder().setDimParam("N")
              : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    return ValueInfoProto.newBuilder()
        .setName(name)
        .setType(TypeProto.newBuilder()
            .setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.FLOAT.getNumber())
                .setShape(shape)))
        .build();
  }
}
