package dev.recsys.evaluation.pointintime;

import dev.recsys.candidates.ann.AnnIndex;
import dev.recsys.candidates.source.CandidateRequest;
import dev.recsys.candidates.source.CandidateSource;
import dev.recsys.candidates.source.CandidateSources;
import dev.recsys.candidates.source.RecentItem;
import dev.recsys.features.definition.EventWeights;
import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.definition.RecentInteraction;
import dev.recsys.features.store.OnlineStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Systems that read the replayed online store, as the pipeline does: its own trending list and
 * its own ANN retrieval, each on its own, to show what ranking and rules add.
 */
public final class StoreBaselines {
  private StoreBaselines() {}

  /** The most trending items now. */
  public static PointInTimeRecommender trending(OnlineStore store) {
    return (userId, exclude, k, time) -> {
      List<String> out = new ArrayList<>(k);
      for (String item : store.trending(k + exclude.size())) {
        if (!exclude.contains(item) && out.size() < k) {
          out.add(item);
        }
      }
      return out;
    };
  }

  /** Retrieval alone: nearest items to the user's vector built from their recent items. */
  public static PointInTimeRecommender annByUser(
      AnnIndex index, OnlineStore store, EventWeights weights) {
    CandidateSource ann = CandidateSources.annByUser(index, CandidateSources.DEFAULT_HALF_LIFE);
    return (userId, exclude, k, time) -> {
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
      return ann
          .candidates(new CandidateRequest(userId, recent, exclude, k, Instant.ofEpochMilli(time)))
          .stream()
          .map(c -> c.itemId())
          .limit(k)
          .toList();
    };
  }
}
