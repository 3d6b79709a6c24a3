package dev.recsys.candidates.vectors;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded synthetic vectors drawn from Gaussian clusters: centers are standard normal, points are
 * center + N(0, spread²) per dimension. The same spec and seed always give the same vectors.
 *
 * @param dimensions vector length
 * @param clusters number of Gaussian clusters
 * @param spread standard deviation of points around their center (centers have unit scale per
 *     dimension)
 * @param seed seed for the centers; {@link #sample} streams take their own seed
 */
public record ClusteredVectors(int dimensions, int clusters, float spread, long seed) {

  public static final int DEFAULT_CLUSTERS = 100;
  public static final float DEFAULT_SPREAD = 0.5f;

  public ClusteredVectors {
    if (dimensions <= 0 || clusters <= 0) {
      throw new IllegalArgumentException(
          "dimensions and clusters must be > 0, got " + dimensions + ", " + clusters);
    }
    if (!(spread > 0)) {
      throw new IllegalArgumentException("spread must be > 0, got " + spread);
    }
  }

  public static ClusteredVectors of(int dimensions, long seed) {
    return new ClusteredVectors(dimensions, DEFAULT_CLUSTERS, DEFAULT_SPREAD, seed);
  }

  public ClusteredVectors withClusters(int value) {
    return new ClusteredVectors(dimensions, value, spread, seed);
  }

  public ClusteredVectors withSpread(float value) {
    return new ClusteredVectors(dimensions, clusters, value, seed);
  }

  /** The cluster centers. */
  public List<float[]> centers() {
    SplittableRandom random = new SplittableRandom(seed);
    List<float[]> centers = new ArrayList<>(clusters);
    for (int c = 0; c < clusters; c++) {
      float[] center = new float[dimensions];
      for (int d = 0; d < dimensions; d++) {
        center[d] = (float) gaussian(random);
      }
      centers.add(center);
    }
    return centers;
  }

  /** {@code count} points; use different {@code streamSeed}s for base and query sets. */
  public List<float[]> sample(int count, long streamSeed) {
    List<float[]> centers = centers();
    SplittableRandom random = new SplittableRandom(seed * 31 + streamSeed);
    List<float[]> points = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      float[] center = centers.get(random.nextInt(clusters));
      float[] point = new float[dimensions];
      for (int d = 0; d < dimensions; d++) {
        point[d] = center[d] + spread * (float) gaussian(random);
      }
      points.add(point);
    }
    return points;
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
