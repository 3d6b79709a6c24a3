package dev.recsys.ranking.train;

import dev.recsys.ranking.boost.BoostParams;
import dev.recsys.ranking.data.TrainingSet;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.fm.FMClassificationTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;

/** The model families we train; each exports real ONNX. */
public enum Algorithm {
  LOGISTIC_REGRESSION("logistic_regression") {
    @Override
    Trainer<Label> trainer(TrainerParams p) {
      return new LinearSGDTrainer(
          new LogMulticlass(), optimiser(p), p.epochs(), QUIET, p.minibatchSize(), p.seed());
    }
  },
  FACTORIZATION_MACHINE("factorization_machine") {
    @Override
    Trainer<Label> trainer(TrainerParams p) {
      return new FMClassificationTrainer(
          new LogMulticlass(),
          optimiser(p),
          p.epochs(),
          QUIET,
          p.minibatchSize(),
          p.seed(),
          p.factors(),
          FM_INIT_VARIANCE);
    }
  },
  /** Boosted trees on the lambda gradients of NDCG within each group (our own trainer). */
  LAMBDAMART("lambdamart") {
    @Override
    FittedModel fit(TrainingSet train, TrainerParams p) {
      return BoostedRanker.fit(train, BoostParams.DEFAULT);
    }

    @Override
    String outputMeaning() {
      return "ranking score in (0, 1), the sigmoid of the trees' sum: it orders a request's"
          + " candidates and is not a calibrated probability; raw feature values in";
    }
  };

  /** Tribuo logs progress through java.util.logging every this many steps: never, in effect. */
  private static final int QUIET = Integer.MAX_VALUE;

  private static final double FM_INIT_VARIANCE = 0.1;
  private static final double ADAGRAD_EPSILON = 1e-6;

  private final String id;

  Algorithm(String id) {
    this.id = id;
  }

  /** The name written to {@code model.json}, e.g. {@code logistic_regression}. */
  public String id() {
    return id;
  }

  /** Fits the model on {@code train}. */
  FittedModel fit(TrainingSet train, TrainerParams params) {
    return TribuoRanker.fit(train, params);
  }

  /** What a served score means, for the model card. */
  String outputMeaning() {
    return "probability that the candidate is a positive (label 1); raw feature values in,"
        + " sign*log1p and standardisation happen inside the graph";
  }

  /** The Tribuo trainer of a Tribuo family. */
  Trainer<Label> trainer(TrainerParams params) {
    throw new UnsupportedOperationException(id + " is not trained by Tribuo");
  }

  private static AdaGrad optimiser(TrainerParams p) {
    return new AdaGrad(p.learningRate(), ADAGRAD_EPSILON);
  }
}
