package dev.recsys.serving.recommend;

import dev.recsys.candidates.source.Candidate;
import dev.recsys.candidates.source.CandidateRequest;
import dev.recsys.candidates.source.CandidateSource;
import java.util.ArrayList;
import java.util.List;

/** The user's own past purchases that the repeat policy allows again, most recent first. */
final class BuyAgainSource implements CandidateSource {
  static final String NAME = "buy-again";
  private final List<String> items;

  BuyAgainSource(List<String> items) {
    this.items = List.copyOf(items);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Candidate> candidates(CandidateRequest request) {
    List<Candidate> out = new ArrayList<>();
    for (int i = 0; i < items.size() && out.size() < request.k(); i++) {
      if (request.filter().accepts(items.get(i))) {
        out.add(Candidate.of(items.get(i), 1f / (i + 1), NAME));
      }
    }
    return out;
  }
}
