package dev.recsys.candidates.embeddings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Splits interactions per user into train and held-out sets, and measures recall@k on the held-out
 * ones.
 */
final class RecallEvaluator {

  private RecallEvaluator() {}

  public record Split(List<Interaction> train, List<Interaction> test) {
    public Split {
      train = List.copyOf(train);
      test = List.copyOf(test);
    }
  }

  /**
   * Holds out {@code testFraction} of each user's distinct items (at least one, and never all of
   * them; users with a single item stay in train only). Deterministic for a seed.
   */
  public static Split holdOut(List<Interaction> interactions, double testFraction, long seed) {
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
    }
    Map<String, Map<String, List<Interaction>>> byUser = new LinkedHashMap<>();
    for (Interaction interaction : interactions) {
      byUser
          .computeIfAbsent(interaction.userId(), u -> new LinkedHashMap<>())
          .computeIfAbsent(interaction.itemId(), i -> new ArrayList<>())
          .add(interaction);
    }
    Random random = new Random(seed);
    List<Interaction> train = new ArrayList<>();
    List<Interaction> test = new ArrayList<>();
    for (Map<String, List<Interaction>> items : byUser.values()) {
      List<String> ids = new ArrayList<>(items.keySet());
      Collections.shuffle(ids, random);
      int held = ids.size() < 2
          ? 0
          : Math.max(1, Math.min(ids.size() - 1, (int) (ids.size() * testFraction)));
      for (int i = 0; i < ids.size(); i++) {
        (i < held ? test : train).addAll(items.get(ids.get(i)));
      }
    }
    return new Split(train, test);
  }

  /**
   * Mean over held-out users of |top k (excluding train items) ∩ held-out items| / min(k, |held-out
   * items|). Users the recommender does not know count as zero.
   */
  public static double recallAtK(
      Recommender recommender, List<Interaction> train, List<Interaction> test, int k) {
    Map<String, Set<String>> seen = itemsByUser(train);
    Map<String, Set<String>> held = itemsByUser(test);
    double sum = 0;
    for (Map.Entry<String, Set<String>> user : held.entrySet()) {
      Set<String> expected = user.getValue();
      List<String> top = recommender
          .top(user.getKey(), seen.getOrDefault(user.getKey(), Set.of()), k)
          .orElse(List.of());
      long hits = top.stream().filter(expected::contains).count();
      sum += (double) hits / Math.min(k, expected.size());
    }
    return held.isEmpty() ? 0 : sum / held.size();
  }

  private static Map<String, Set<String>> itemsByUser(List<Interaction> interactions) {
    Map<String, Set<String>> items = new LinkedHashMap<>();
    for (Interaction interaction : interactions) {
      items.computeIfAbsent(interaction.userId(), u -> new HashSet<>()).add(interaction.itemId());
    }
    return items;
  }
}
