package dev.recsys.ranking.train;

import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.fm.FMClassificationTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;

/** The model families we train; each exports real ONNX through Tribuo. */
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

  abstract Trainer<Label> trainer(TrainerParams params);

  private static AdaGrad optimiser(TrainerParams p) {
    return new AdaGrad(p.learningRate(), ADAGRAD_EPSILON);
  }
}
