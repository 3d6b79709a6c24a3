package dev.recsys.ranking.scoring;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.OrtSession.SessionOptions.ExecutionMode;
import dev.recsys.ranking.registry.ModelVersion;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One ONNX Runtime session for one model version; one {@code run} per request. */
final class OnnxScorer implements Scorer {
  private static final Logger log = LoggerFactory.getLogger(OnnxScorer.class);
  private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

  private final ModelVersion model;
  private final OrtSession session;
  private final List<String> callerFeatures;
  private final int[] columns;
  private final boolean sameLayout;
  private final Set<String> outputs;

  private OnnxScorer(
      ModelVersion model, OrtSession session, List<String> callerFeatures, int[] columns) {
    this.model = model;
    this.session = session;
    this.callerFeatures = callerFeatures;
    this.columns = columns;
    this.sameLayout = callerFeatures.equals(model.card().featureNames());
    this.outputs = Set.of(model.card().outputName());
  }

  static OnnxScorer load(ModelVersion model, List<String> callerFeatures, ScorerOptions options) {
    List<String> caller = List.copyOf(callerFeatures);
    OrtSession session = open(model, options);
    boolean loaded = false;
    try {
      int[] columns = ModelContract.bind(model, session, caller);
      List<String> unused =
          caller.stream().filter(f -> !model.card().featureNames().contains(f)).toList();
      log.info(
          "Loaded model {}: input '{}' [N, {}], output '{}'; caller features unused by it:" + " {}",
          model.id(),
          model.card().inputName(),
          columns.length,
          model.card().outputName(),
          unused);
      OnnxScorer scorer = new OnnxScorer(model, session, caller, columns);
      loaded = true;
      return scorer;
    } catch (OrtException e) {
      throw new ScoringException("cannot read the inputs and outputs of model " + model.id(), e);
    } finally {
      if (!loaded) {
        closeQuietly(session);
      }
    }
  }

  private static OrtSession open(ModelVersion model, ScorerOptions options) {
    try (SessionOptions so = new SessionOptions()) {
      so.setIntraOpNumThreads(options.intraOpThreads());
      so.setInterOpNumThreads(options.interOpThreads());
      so.setOptimizationLevel(options.optimization());
      so.setExecutionMode(ExecutionMode.SEQUENTIAL);
      return ENV.createSession(model.onnxFile().toString(), so);
    } catch (OrtException e) {
      throw new ScoringException(
          "cannot load model " + model.id() + " from " + model.onnxFile()
              + "; check it is a valid ONNX file (python3 -c \"import onnx;"
              + " onnx.checker.check_model('model.onnx')\")",
          e);
    }
  }

  @Override
  public float[] score(FeatureMatrix candidates) {
    if (candidates.featureNames() != callerFeatures
        && !candidates.featureNames().equals(callerFeatures)) {
      throw new IllegalArgumentException("candidates have columns " + candidates.featureNames()
          + " but this scorer was loaded for " + callerFeatures);
    }
    int rows = candidates.rows();
    if (rows == 0) {
      return new float[0];
    }
    float[] input = sameLayout ? candidates.values() : project(candidates);
    long[] shape = {rows, columns.length};
    try (OnnxTensor tensor = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(input), shape);
        OrtSession.Result result = session.run(Map.of(model.card().inputName(), tensor), outputs)) {
      float[] scores = new float[rows];
      ((OnnxTensor) result.get(0)).getFloatBuffer().get(scores);
      return scores;
    } catch (OrtException e) {
      throw new ScoringException(
          "ONNX run failed for model " + model.id() + " on " + rows + " candidates", e);
    }
  }

  private float[] project(FeatureMatrix candidates) {
    int in = candidates.width();
    int out = columns.length;
    float[] values = candidates.values();
    float[] projected = new float[candidates.rows() * out];
    for (int r = 0; r < candidates.rows(); r++) {
      for (int c = 0; c < out; c++) {
        projected[r * out + c] = values[r * in + columns[c]];
      }
    }
    return projected;
  }

  @Override
  public List<String> featureNames() {
    return callerFeatures;
  }

  @Override
  public String modelVersion() {
    return model.id();
  }

  @Override
  public void close() {
    closeQuietly(session);
    log.info("Closed model {}", model.id());
  }

  private static void closeQuietly(OrtSession session) {
    try {
      session.close();
    } catch (OrtException e) {
      log.warn("Closing an ONNX session failed", e);
    }
  }
}
