package dev.recsys.ranking.scoring;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.recsys.ranking.registry.ModelCard;
import dev.recsys.ranking.registry.ModelVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Checks a loaded model against its card and the caller's features, reporting every problem at
 * once, and works out which caller column feeds each model column.
 */
final class ModelContract {
  private ModelContract() {}

  /**
   * @return for each model input column, the caller column that feeds it
   * @throws ModelContractException naming every mismatch and its fix
   */
  static int[] bind(ModelVersion model, OrtSession session, List<String> callerFeatures)
      throws OrtException {
    ModelCard card = model.card();
    List<String> problems = new ArrayList<>();
    checkInput(card, session.getInputInfo(), problems);
    checkOutput(card, session.getOutputInfo(), problems);
    List<String> missing =
        card.featureNames().stream().filter(f -> !callerFeatures.contains(f)).toList();
    if (!missing.isEmpty()) {
      problems.add("it needs features " + missing + " that the caller does not provide (caller"
          + " provides " + callerFeatures + "); add them to the feature pipeline or use a model"
          + " trained without them");
    }
    if (!problems.isEmpty()) {
      throw new ModelContractException("model " + model.id() + " (" + model.dir() + ") cannot"
          + " be served: " + String.join("; ", problems));
    }
    return card.featureNames().stream().mapToInt(callerFeatures::indexOf).toArray();
  }

  private static void checkInput(
      ModelCard card, Map<String, NodeInfo> inputs, List<String> problems) {
    if (inputs.size() != 1 || !inputs.containsKey(card.inputName())) {
      problems.add("model.json input_name is '" + card.inputName() + "' but model.onnx has"
          + " inputs " + inputs.keySet() + "; the contract is exactly one float input named in"
          + " model.json: fix input_name or re-export the model");
      return;
    }
    long[] shape = tensorShape(inputs.get(card.inputName()));
    int width = card.featureNames().size();
    if (shape == null || shape.length != 2 || (shape[1] != width && shape[1] >= 0)) {
      problems.add("input '" + card.inputName() + "' must be a float tensor [N, " + width
          + "] (one column per feature in model.json) but is "
          + describe(inputs.get(card.inputName()))
          + "; fix feature_names in model.json or re-export the model");
    }
  }

  private static void checkOutput(
      ModelCard card, Map<String, NodeInfo> outputs, List<String> problems) {
    NodeInfo output = outputs.get(card.outputName());
    if (output == null) {
      problems.add("model.json output_name is '" + card.outputName() + "' but model.onnx has"
          + " outputs " + outputs.keySet() + "; fix output_name");
      return;
    }
    long[] shape = tensorShape(output);
    boolean scores = shape != null
        && (shape.length == 1 || (shape.length == 2 && (shape[1] == 1 || shape[1] < 0)));
    if (!scores) {
      problems.add("output '" + card.outputName() + "' must be a float tensor [N] or [N, 1]"
          + " (one score per candidate) but is " + describe(output));
    }
  }

  private static long[] tensorShape(NodeInfo node) {
    return node.getInfo() instanceof TensorInfo t && t.type == OnnxJavaType.FLOAT
        ? t.getShape()
        : null;
  }

  private static String describe(NodeInfo node) {
    return node.getInfo() instanceof TensorInfo t
        ? t.type + Arrays.toString(t.getShape())
        : node.getInfo().toString();
  }
}
