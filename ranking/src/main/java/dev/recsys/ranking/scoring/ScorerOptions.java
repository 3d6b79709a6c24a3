package dev.recsys.ranking.scoring;

import static java.util.Objects.requireNonNull;

import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;

/**
 * ONNX Runtime session settings. The default favours latency on a shared box: one intra-op and
 * one inter-op thread (a ranker batch is too small to gain from more), every graph optimisation.
 */
public record ScorerOptions(int intraOpThreads, int interOpThreads, OptLevel optimization) {
  public static final int DEFAULT_INTRA_OP_THREADS = 1;
  public static final int DEFAULT_INTER_OP_THREADS = 1;
  public static final ScorerOptions DEFAULT =
      new ScorerOptions(DEFAULT_INTRA_OP_THREADS, DEFAULT_INTER_OP_THREADS, OptLevel.ALL_OPT);

  public ScorerOptions {
    requireNonNull(optimization, "optimization");
    if (intraOpThreads < 1 || interOpThreads < 1) {
      throw new IllegalArgumentException("ranking.scorer threads must be >= 1, were intra="
          + intraOpThreads + " inter=" + interOpThreads);
    }
  }

  public ScorerOptions withIntraOpThreads(int threads) {
    return new ScorerOptions(threads, interOpThreads, optimization);
  }
}
