package dev.recsys.candidates.embeddings;

/**
 * iALS hyper-parameters. Confidence of an observed pair is {@code 1 + alpha * weight}.
 *
 * @param factors embedding dimensions
 * @param regularization L2 penalty lambda on every factor vector
 * @param alpha confidence scale for observed weights
 * @param iterations alternating passes (users, then items)
 * @param cgSteps conjugate-gradient steps per vector per pass, warm-started (Takacs et al. use 2-3)
 * @param initScale standard deviation of the initial random factors
 * @param seed seed for the initial factors
 */
public record AlsParams(
    int factors,
    float regularization,
    float alpha,
    int iterations,
    int cgSteps,
    float initScale,
    long seed) {

  public static final int DEFAULT_FACTORS = 64;
  public static final float DEFAULT_REGULARIZATION = 0.1f;
  public static final float DEFAULT_ALPHA = 10f;
  public static final int DEFAULT_ITERATIONS = 15;
  public static final int DEFAULT_CG_STEPS = 3;
  public static final float DEFAULT_INIT_SCALE = 0.01f;

  public static final AlsParams DEFAULT = new AlsParams(
      DEFAULT_FACTORS,
      DEFAULT_REGULARIZATION,
      DEFAULT_ALPHA,
      DEFAULT_ITERATIONS,
      DEFAULT_CG_STEPS,
      DEFAULT_INIT_SCALE,
      42L);

  public AlsParams {
    if (factors <= 0 || iterations <= 0 || cgSteps <= 0) {
      throw new IllegalArgumentException("factors, iterations and cgSteps must be > 0, got "
          + factors
          + ", "
          + iterations
          + ", "
          + cgSteps);
    }
    if (regularization < 0 || alpha < 0 || !(initScale > 0)) {
      throw new IllegalArgumentException(
          "regularization and alpha must be >= 0 and initScale > 0, got "
              + regularization
              + ", "
              + alpha
              + ", "
              + initScale);
    }
  }

  public AlsParams withFactors(int value) {
    return new AlsParams(value, regularization, alpha, iterations, cgSteps, initScale, seed);
  }

  public AlsParams withRegularization(float value) {
    return new AlsParams(factors, value, alpha, iterations, cgSteps, initScale, seed);
  }

  public AlsParams withAlpha(float value) {
    return new AlsParams(factors, regularization, value, iterations, cgSteps, initScale, seed);
  }

  public AlsParams withIterations(int value) {
    return new AlsParams(factors, regularization, alpha, value, cgSteps, initScale, seed);
  }

  public AlsParams withCgSteps(int value) {
    return new AlsParams(factors, regularization, alpha, iterations, value, initScale, seed);
  }

  public AlsParams withSeed(long value) {
    return new AlsParams(factors, regularization, alpha, iterations, cgSteps, initScale, value);
  }
}
