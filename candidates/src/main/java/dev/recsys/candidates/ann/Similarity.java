package dev.recsys.candidates.ann;

/**
 * How two vectors compare. Scores follow JVector's conventions (higher is closer, in [0, 1] for
 * cosine and unit-length dot product) so the exact and the graph index rank and score alike.
 */
public enum Similarity {
  COSINE {
    @Override
    public float score(float[] a, float[] b) {
      double dot = 0;
      double na = 0;
      double nb = 0;
      for (int i = 0; i < a.length; i++) {
        dot += a[i] * b[i];
        na += a[i] * a[i];
        nb += b[i] * b[i];
      }
      double denom = Math.sqrt(na * nb);
      return denom == 0 ? 0.5f : (float) ((1 + dot / denom) / 2);
    }
  },
  DOT_PRODUCT {
    @Override
    public float score(float[] a, float[] b) {
      float dot = 0;
      for (int i = 0; i < a.length; i++) {
        dot += a[i] * b[i];
      }
      return (1 + dot) / 2;
    }
  },
  EUCLIDEAN {
    @Override
    public float score(float[] a, float[] b) {
      float squared = 0;
      for (int i = 0; i < a.length; i++) {
        float d = a[i] - b[i];
        squared += d * d;
      }
      return 1 / (1 + squared);
    }
  };

  /** Similarity of two vectors of equal length; higher is closer. */
  public abstract float score(float[] a, float[] b);
}
