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
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks every source for its quota and a margin (see {@link #firstAsk}), then fills k slots: first
 * each source's quota of new items in source order, then, if slots remain, the sources' leftovers
 * in source order; if slots still remain, sources that may have more are asked for all k and the
 * slots are filled again. An item proposed by several sources appears once, keeps the score of
 * the first source that placed it, and lists every source that proposed it. A failing source is
 * logged, reported in {@link Candidates#failed()} and skipped.
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

  /** Proposers of an item are kept as bits of an int, one per source. */
  static final int MAX_SOURCES = 31;

  private final List<Quota> quotas;

  private CandidateMerger(List<Quota> quotas) {
    this.quotas = List.copyOf(quotas);
  }

  public static CandidateMerger of(List<Quota> quotas) {
    if (quotas.size() > MAX_SOURCES) {
      throw new IllegalArgumentException(
          quotas.size() + " sources; at most " + MAX_SOURCES + " can be merged");
    }
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
    List<List<Candidate>> proposals = new ArrayList<>(quotas.size());
    Set<String> failed = new HashSet<>();
    for (Quota quota : quotas) {
      int want = firstAsk(quota.slots(), request.k());
      proposals.add(want == 0 ? List.of() : ask(quota.source(), request.withK(want), failed));
    }
    Map<String, Candidate> merged = fill(proposals, request);
    if (merged.size() < request.k()) {
      boolean more = false;
      for (int i = 0; i < quotas.size(); i++) {
        Quota quota = quotas.get(i);
        int asked = firstAsk(quota.slots(), request.k());
        if (asked < request.k()
            && proposals.get(i).size() >= asked
            && !failed.contains(quota.source().name())) {
          proposals.set(i, ask(quota.source(), request, failed));
          more = true;
        }
      }
      if (more) {
        merged = fill(proposals, request);
      }
    }
    Map<String, Integer> proposed = new HashMap<>();
    for (int i = 0; i < quotas.size(); i++) {
      proposed.put(quotas.get(i).source().name(), proposals.get(i).size());
    }
    return new Candidates(new ArrayList<>(merged.values()), proposed, failed);
  }

  /**
   * How many items a source is first asked for: its quota and half again, for the items other
   * sources propose too. Only when the pool still has room are sources that may hold more asked
   * for all k: a search costs by the size it is asked for, and most pools fill on the first ask.
   */
  static int firstAsk(int slots, int k) {
    return Math.min(k, slots + (slots + 1) / 2);
  }

  private Map<String, Candidate> fill(List<List<Candidate>> proposals, CandidateRequest request) {
    Proposers proposers = new Proposers(proposals, request.filter());
    Map<String, Candidate> merged = new LinkedHashMap<>();
    for (int i = 0; i < quotas.size(); i++) {
      take(proposals.get(i), quotas.get(i).slots(), request, merged, proposers);
    }
    for (int i = 0; i < quotas.size(); i++) {
      take(proposals.get(i), request.k(), request, merged, proposers);
    }
    return merged;
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
      Proposers proposers) {
    int added = 0;
    for (Candidate candidate : list) {
      if (added >= slots || merged.size() >= request.k()) {
        return;
      }
      Set<String> sources = proposers.of(candidate.itemId());
      if (sources != null && !merged.containsKey(candidate.itemId())) {
        merged.put(
            candidate.itemId(), new Candidate(candidate.itemId(), candidate.score(), sources));
        added++;
      }
    }
  }

  /** Which sources proposed each item the filter accepts: a bit per source, names on demand. */
  private final class Proposers {
    private final Map<String, Integer> bits = new HashMap<>();
    private final Map<Integer, Set<String>> names = new HashMap<>();

    Proposers(List<List<Candidate>> proposals, ItemFilter filter) {
      for (int i = 0; i < proposals.size(); i++) {
        Integer bit = 1 << i;
        for (Candidate candidate : proposals.get(i)) {
          if (filter.accepts(candidate.itemId())) {
            bits.merge(candidate.itemId(), bit, (a, b) -> a | b);
          }
        }
      }
    }

    /** The names of the sources that proposed the item, or null if it is filtered out. */
    Set<String> of(String itemId) {
      Integer mask = bits.get(itemId);
      return mask == null ? null : names.computeIfAbsent(mask, this::named);
    }

    private Set<String> named(int mask) {
      Set<String> named = new TreeSet<>();
      for (int i = 0; i < quotas.size(); i++) {
        if ((mask & (1 << i)) != 0) {
          named.add(quotas.get(i).source().name());
        }
      }
      return Set.copyOf(named);
    }
  }
}
