package dev.recsys.candidates.source;

import static java.util.Objects.requireNonNull;

import dev.recsys.candidates.ann.ItemFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks every source, then fills k slots: first each source's quota of new items in source order,
 * then, if slots remain, the sources' leftovers in source order. An item proposed by several
 * sources appears once, keeps the score of the first source that placed it, and lists every source
 * that proposed it. A failing source is logged, reported in {@link Candidates#failed()} and
 * skipped.
 */
public final class CandidateMerger {

  private static final Logger log = LoggerFactory.getLogger(CandidateMerger.class);

  /** A source and how many of the k slots it is guaranteed (if it has that many). */
  public record Quota(CandidateSource source, int slots) {
    public Quota {
      requireNonNull(source, "source");
      if (slots < 0) {
        throw new IllegalArgumentException(
            "slots must be >= 0, got " + slots + " for " + source.name());
      }
    }
  }

  private final List<Quota> quotas;

  private CandidateMerger(List<Quota> quotas) {
    this.quotas = List.copyOf(quotas);
  }

  public static CandidateMerger of(List<Quota> quotas) {
    Set<String> names = new HashSet<>();
    for (Quota quota : quotas) {
      if (!names.add(quota.source().name())) {
        throw new IllegalArgumentException(
            "two sources are named '" + quota.source().name() + "'; names must be unique");
      }
    }
    return new CandidateMerger(quotas);
  }

  public Candidates merge(CandidateRequest request) {
    Map<String, List<Candidate>> proposals = new LinkedHashMap<>();
    Map<String, Integer> proposed = new HashMap<>();
    Set<String> failed = new HashSet<>();
    for (Quota quota : quotas) {
      String name = quota.source().name();
      List<Candidate> list = ask(quota.source(), request, failed);
      proposals.put(name, list);
      proposed.put(name, list.size());
    }
    Map<String, Candidate> merged = new LinkedHashMap<>();
    Map<String, Set<String>> proposers = proposersByItem(proposals, request.filter());
    for (Quota quota : quotas) {
      take(proposals.get(quota.source().name()), quota.slots(), request, merged, proposers);
    }
    for (Quota quota : quotas) {
      take(proposals.get(quota.source().name()), request.k(), request, merged, proposers);
    }
    return new Candidates(new ArrayList<>(merged.values()), proposed, failed);
  }

  private static List<Candidate> ask(
      CandidateSource source, CandidateRequest request, Set<String> failed) {
    try {
      return source.candidates(request);
    } catch (RuntimeException e) {
      log.warn(
          "candidate source {} failed for request of user {}; continuing without it",
          source.name(),
          request.userId(),
          e);
      failed.add(source.name());
      return List.of();
    }
  }

  /** Adds up to {@code slots} new items from {@code list}, stopping at k in total. */
  private static void take(
      List<Candidate> list,
      int slots,
      CandidateRequest request,
      Map<String, Candidate> merged,
      Map<String, Set<String>> proposers) {
    int added = 0;
    for (Candidate candidate : list) {
      if (added >= slots || merged.size() >= request.k()) {
        return;
      }
      Set<String> sources = proposers.get(candidate.itemId());
      if (sources != null && !merged.containsKey(candidate.itemId())) {
        merged.put(candidate.itemId(), candidate.alsoFrom(sources));
        added++;
      }
    }
  }

  private static Map<String, Set<String>> proposersByItem(
      Map<String, List<Candidate>> proposals, ItemFilter filter) {
    Map<String, Set<String>> proposers = new HashMap<>();
    for (List<Candidate> list : proposals.values()) {
      for (Candidate candidate : list) {
        if (filter.accepts(candidate.itemId())) {
          proposers
              .computeIfAbsent(candidate.itemId(), id -> new HashSet<>())
              .addAll(candidate.sources());
        }
      }
    }
    return proposers;
  }
}
