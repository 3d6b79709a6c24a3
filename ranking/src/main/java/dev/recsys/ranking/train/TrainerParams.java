package dev.recsys.ranking.train;

import static java.util.Objects.requireNonNull;

import dev.recsys.ranking.data.TimeSplit;

/**
 * How to train a ranker.
 *
 * @param factors the factorization machine's latent dimension (ignored by logistic regression)
 * @param holdoutFraction the latest share of rows, by timestamp, kept out for evaluation
 */
public record TrainerParams(
    Algorithm algorithm,
    int epochs,
    double learningRate,
    int minibatchSize,
    int factors,
    double holdoutFraction,
    long seed) {

  public static final Algorithm DEFAULT_ALGORITHM = Algorithm.FACTORIZATION_MACHINE;
  public static final int DEFAULT_EPOCHS = 5;
  public static final double DEFAULT_LEARNING_RATE = 0.1;
  public static final int DEFAULT_MINIBATCH_SIZE = 1;
  public static final int DEFAULT_FACTORS = 4;
  public static final long DEFAULT_SEED = 42L;
  public static final TrainerParams DEFAULT = new TrainerParams(
      DEFAULT_ALGORITHM,
      DEFAULT_EPOCHS,
      DEFAULT_LEARNING_RATE,
      DEFAULT_MINIBATCH_SIZE,
      DEFAULT_FACTORS,
      TimeSplit.DEFAULT_HOLDOUT_FRACTION,
      DEFAULT_SEED);

  public TrainerParams {
    requireNonNull(algorithm, "algorithm");
    if (epochs < 1 || minibatchSize < 1 || factors < 1) {
      throw new IllegalArgumentException("epochs, minibatchSize and factors must be >= 1, were "
          + epochs + ", " + minibatchSize + ", " + factors);
    }
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("learningRate must be > 0, was " + learningRate);
    }
    if (!(holdoutFraction > 0 && holdoutFraction < 1)) {
      throw new IllegalArgumentException(
          "holdoutFraction must be in (0, 1), was " + holdoutFraction);
    }
  }

  public TrainerParams withAlgorithm(Algorithm a) {
    return new TrainerParams(
        a, epochs, learningRate, minibatchSize, factors, holdoutFraction, seed);
  }

  public TrainerParams withEpochs(int e) {
    return new TrainerParams(
        algorithm, e, learningRate, minibatchSize, factors, holdoutFraction, seed);
  }
}
