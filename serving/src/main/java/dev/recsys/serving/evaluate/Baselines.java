package dev.recsys.serving.evaluate;

import dev.recsys.candidates.ann.AnnIndex;
import dev.recsys.candidates.source.CandidateRequest;
import dev.recsys.candidates.source.CandidateSource;
import dev.recsys.candidates.source.CandidateSources;
import dev.recsys.candidates.source.RecentItem;
import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.definition.RecentInteraction;
import dev.recsys.features.store.OnlineStore;
import dev.recsys.serving.offline.EventWeights;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

  private static Set<String> touched(OnlineStore store, String userId) {
    return store.read(userId, List.of()).user().map(Baselines::touched).orElse(Set.of());
  }

  private static Set<String> touched(FeatureVector user) {
    return user.recent().stream().map(RecentInteraction::itemId).collect(Collectors.toSet());
  }
}
