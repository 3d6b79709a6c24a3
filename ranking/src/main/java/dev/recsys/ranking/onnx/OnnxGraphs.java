package dev.recsys.ranking.onnx;

import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.List;

/** Builders for the pieces of an ONNX graph: nodes, constant tensors, typed inputs, outputs. */
public final class OnnxGraphs {
  private OnnxGraphs() {}

  /** A default-domain node whose name is its one output. */
  public static NodeProto node(String op, List<String> inputs, String output) {
    return NodeProto.newBuilder()
        .setOpType(op)
        .setName(output)
        .addAllInput(inputs)
        .addOutput(output)
        .build();
  }

  /** A float tensor: a 1-d vector, or a scalar when {@code vector} is false. */
  public static TensorProto floats(String name, float[] values, boolean vector) {
    TensorProto.Builder t =
        TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber());
    if (vector) {
      t.addDims(values.length);
    }
    for (float v : values) {
      t.addFloatData(v);
    }
    return t.build();
  }

  /** An int64 tensor: a 1-d vector, or a scalar when {@code vector} is false. */
  public static TensorProto longs(String name, long[] values, boolean vector) {
    TensorProto.Builder t =
        TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64.getNumber());
    if (vector) {
      t.addDims(values.length);
    }
    for (long v : values) {
      t.addInt64Data(v);
    }
    return t.build();
  }

  /** A float input of shape {@code [N, width]}, N free. */
  public static ValueInfoProto floatInput(String name, int width) {
    return valueInfo(
        name,
        TensorShapeProto.newBuilder()
            .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"))
            .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(width)));
  }

  /** A float output of shape {@code [N]}. */
  public static ValueInfoProto floatOutput(String name) {
    return valueInfo(
        name,
        TensorShapeProto.newBuilder()
            .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N")));
  }

  private static ValueInfoProto valueInfo(String name, TensorShapeProto.Builder shape) {
    return ValueInfoProto.newBuilder()
        .setName(name)
        .setType(TypeProto.newBuilder()
            .setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.FLOAT.getNumber())
                .setShape(shape)))
        .build();
  }
}
