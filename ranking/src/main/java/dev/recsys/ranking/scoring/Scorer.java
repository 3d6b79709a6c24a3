package dev.recsys.ranking.scoring;

import java.util.List;

/** Scores every candidate of a request in one batched model run. Thread-safe. */
public interface Scorer extends AutoCloseable {

  /** One score per row of {@code candidates}, whose columns must be {@link #featureNames()}. */
  float[] score(FeatureMatrix candidates);

  /** The columns this scorer was bound to at load: what the caller provides. */
  List<String> featureNames();

  /** The model version scoring right now, e.g. {@code ranker/20261129T085612.123Z}. */
  String modelVersion();

  /** Releases native resources; unchecked. */
  @Override
  void close();
}
