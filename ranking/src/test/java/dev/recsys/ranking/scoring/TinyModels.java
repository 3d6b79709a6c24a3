package dev.recsys.ranking.scoring;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.recsys.ranking.registry.ModelCard;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Hand-built ONNX models with known weights: a model trained "elsewhere". */
final class TinyModels {
  static final Instant CREATED = Instant.parse("2021-06-01T00:00:01Z");

  private TinyModels() {}

  /** {@code score = sigmoid(x · weights + bias)}, input {@code x} [N, F], output [N, 1]. */
  static byte[] logistic(String input, String output, float[] weights, float bias) {
    GraphProto graph = GraphProto.newBuilder()
        .setName("byo_logistic")
        .addInput(tensor(input, -1, weights.length))
        .addOutput(tensor(output, -1, 1))
        .addInitializer(floats("w", new long[] {weights.length, 1}, weights))
        .addInitializer(floats("b", new long[] {1}, new float[] {bias}))
        .addNode(node("MatMul", List.of(input, "w"), "xw"))
        .addNode(node("Add", List.of("xw", "b"), "z"))
        .addNode(node("Sigmoid", List.of("z"), output))
        .build();
    return ModelProto.newBuilder()
        .setIrVersion(8)
        .setProducerName("recsys-tests")
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
        .setGraph(graph)
        .build()
        .toByteArray();
  }

  static ModelCard card(String input, List<String> features, String output) {
    return new ModelCard(
        ModelCard.RANKER,
        "external",
        input,
        features,
        output,
        "probability of a click",
        Map.of(),
        "",
        CREATED);
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
