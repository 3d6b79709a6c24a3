package dev.recsys.ranking.train;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.recsys.ranking.data.TrainingSet;
import java.util.List;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.ONNXExportable;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** A Tribuo model fitted on transformed features, with what it takes to serve it. */
record TribuoRanker(Model<Label> model, FeatureTransform transform, List<String> featureNames)
    implements FittedModel {
  static final Label POSITIVE = new Label("1");
  static final Label NEGATIVE = new Label("0");
  private static final String ONNX_DOMAIN = "dev.recsys.ranking";

  static TribuoRanker fit(TrainingSet train, TrainerParams params) {
    FittedModel.requireBothLabels(train);
    FeatureTransform transform = FeatureTransform.fit(train);
    LabelFactory labels = new LabelFactory();
    MutableDataset<Label> dataset = new MutableDataset<>(
        new SimpleDataSourceProvenance("recsys training set " + train.fingerprint(), labels),
        labels);
    String[] names = train.featureNames().toArray(String[]::new);
    for (int r = 0; r < train.rows(); r++) {
      Label label = train.labels()[r] == 1 ? POSITIVE : NEGATIVE;
      dataset.add(new ArrayExample<>(label, names, transform.apply(train.features(), r)));
    }
    Model<Label> model = params.algorithm().trainer(params).train(dataset);
    return new TribuoRanker(model, transform, train.featureNames());
  }

  /** Tribuo's own probability of label 1 for row {@code row} of row-major raw values. */
  @Override
  public double predict(float[] rawValues, int row) {
    String[] names = featureNames.toArray(String[]::new);
    ArrayExample<Label> example =
        new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, transform.apply(rawValues, row));
    return model.predict(example).getOutputScores().get(POSITIVE.getLabel()).getScore();
  }

  /** The served graph: raw features in, probability of label 1 out. */
  @Override
  public byte[] exportOnnx() {
    if (!(model instanceof ONNXExportable exportable)) {
      throw new IllegalStateException(model.getClass() + " cannot export ONNX");
    }
    ModelProto proto = exportable.exportONNXModel(ONNX_DOMAIN, 1L);
    // Tribuo's input columns follow its feature ids (names sorted); gather ours into that order.
    long[] columns = new long[model.getFeatureIDMap().size()];
    for (int f = 0; f < featureNames.size(); f++) {
      var info = model.getFeatureIDMap().get(featureNames.get(f));
      if (info != null) {
        columns[info.getID()] = f;
      }
    }
    long positive = model.getOutputIDInfo().getID(POSITIVE);
    return ServingGraph.wrap(proto, transform, columns, positive);
  }
}
