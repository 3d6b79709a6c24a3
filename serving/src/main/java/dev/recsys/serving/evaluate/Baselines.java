package dev.recsys.serving.evaluate;

import dev.recsys.candidates.ann.AnnIndex;
import dev.recsys.candidates.source.CandidateRequest;
import dev.recsys.candidates.source.CandidateSource;
import dev.recsys.candidates.source.CandidateSources;
import dev.recsys.candidates.source.RecentItem;
import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.definition.RecentInteraction;
import dev.recsys.features.pair.PairFeatures;
import dev.recsys.features.store.OnlineFeatures;
import dev.recsys.features.store.OnlineStore;
import dev.recsys.ranking.scoring.FeatureMatrix;
import dev.recsys.ranking.scoring.Scorer;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.serving.offline.EventWeights;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Systems to compare the pipeline with. Each leaves out the items the user touched recently, as
 * the held-out interactions are with items new to the user.
 */
public final class Baselines {
  private Baselines() {}

  /** The most trending items now. */
  public static PointInTimeRecommender popularity(OnlineStore store) {
    return (userId, time, k) -> {
      Set<String> touched = touched(store, userId);
      List<String> out = new ArrayList<>(k);
      for (String item : store.trending(k + touched.size())) {
        if (!touched.contains(item) && out.size() < k) {
          out.add(item);
        }
      }
      return out;
    };
  }

  /** Retrieval alone: nearest items to the user's vector built from their recent items. */
  public static PointInTimeRecommender annByUser(AnnIndex index, OnlineStore store,
      EventWeights weights) {
    CandidateSource ann = CandidateSources.annByUser(index, CandidateSources.DEFAULT_HALF_LIFE);
    return (userId, time, k) -> {
      FeatureVector user = store.read(userId, List.of()).user().orElse(null);
      if (user == null) {
        return List.of();
      }
      List<RecentItem> recent = new ArrayList<>();
      for (RecentInteraction r : user.recent()) {
        float weight = weights.of(r.type());
        if (weight > 0) {
          recent.add(new RecentItem(r.itemId(), weight, Instant.ofEpochMilli(r.timestamp())));
        }
      }
      return ann.candidates(new CandidateRequest(userId, recent, touched(user), k,
          Instant.ofEpochMilli(time))).stream().map(c -> c.itemId()).limit(k).toList();
    };
  }

  /**
   * Retrieval then ranking, without re-ranking rules: the candidates of {@code retrieval} (asked
   * for {@code pool} items) scored by the ONNX ranker on their pair features as of the moment.
   */
  public static PointInTimeRecommender ranked(PointInTimeRecommender retrieval, int pool,
      Scorer scorer, OnlineStore store, Map<String, ItemUpdate> catalog) {
    return (userId, time, k) -> {
      List<String> candidates = retrieval.recommend(userId, time, pool);
      if (candidates.isEmpty()) {
        return candidates;
      }
      OnlineFeatures features = store.read(userId, candidates);
      FeatureVector user = features.user().orElse(null);
      int width = PairFeatures.NAMES.size();
      float[] values = new float[candidates.size() * width];
      for (int row = 0; row < candidates.size(); row++) {
        String item = candidates.get(row);
        ItemUpdate entry = catalog.get(item);
        double[] pair = PairFeatures.of(user, features.items().get(item),
            entry == null ? null : entry.getCategory(), time);
        for (int f = 0; f < width; f++) {
          values[row * width + f] = (float) pair[f];
        }
      }
      float[] scores = scorer.score(new FeatureMatrix(PairFeatures.NAMES, candidates.size(),
          values));
      Integer[] order = new Integer[candidates.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      java.util.Arrays.sort(order, (a, b) -> Float.compare(scores[b], scores[a]));
      List<String> out = new ArrayList<>(k);
      for (int i = 0; i < Math.min(k, order.length); i++) {
        out.add(candidates.get(order[i]));
      }
      return out;
    };
  }

  /** The union of several systems' answers, each asked for {@code k}, first answers first. */
  public static PointInTimeRecommender union(List<PointInTimeRecommender> systems) {
    return (userId, time, k) -> {
      java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
      systems.forEach(s -> all.addAll(s.recommend(userId, time, k)));
      return List.copyOf(all);
    };
  }

  private static Set<String> touched(OnlineStore store, String userId) {
    return store.read(userId, List.of()).user().map(Baselines::touched).orElse(Set.of());
  }

  private static Set<String> touched(FeatureVector user) {
    return user.recent().stream().map(RecentInteraction::itemId).collect(Collectors.toSet());
  }
}
