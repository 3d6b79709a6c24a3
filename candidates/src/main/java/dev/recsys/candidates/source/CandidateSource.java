package dev.recsys.candidates.source;

import java.util.List;

/**
 * Proposes up to {@code request.k()} candidates, best first. Implementations never return an item
 * in {@code request.excludedIds()} nor one that is no longer available.
 */
public interface CandidateSource {

  /** Short, stable, low-cardinality name, e.g. {@code ann-user}; also used as a metrics tag. */
  String name();

  List<Candidate> candidates(CandidateRequest request);
}
