package dev.recsys.serving.recommend;

import dev.recsys.candidates.ann.AnnIndex;
import dev.recsys.candidates.source.CandidateMerger;
import dev.recsys.candidates.source.CandidateMerger.Quota;
import dev.recsys.candidates.source.CandidateRequest;
import dev.recsys.candidates.source.CandidateSource;
import dev.recsys.candidates.source.CandidateSources;
import dev.recsys.candidates.source.Candidates;
import dev.recsys.candidates.source.RecentItem;
import dev.recsys.features.definition.RecentInteraction;
import dev.recsys.features.pair.Taste;
import dev.recsys.serving.catalog.Catalog;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Gathers the candidate pool: ANN by the user's vector, item-to-item from recent items, buy
 * again, popular (the trending list of this request) and new items, merged with quotas.
 */
final class CandidateStage {
  private final CandidateSource annUser;
  private final CandidateSource itemToItem;
  private final Catalog catalog;
  private final SourceQuotas quotas;

  CandidateStage(AnnIndex index, Catalog catalog, RecommendConfig config) {
    this.annUser = CandidateSources.annByUser(index, config.annHalfLife());
    this.itemToItem = CandidateSources.itemToItem(index, config.seedItems());
    this.catalog = catalog;
    this.quotas = config.quotas();
  }

  Candidates gather(
      String userId,
      List<RecentInteraction> recent,
      Set<String> excluded,
      List<String> trending,
      List<String> buyAgain,
      int pool,
      long now) {
    List<RecentItem> recentItems = recent.stream()
        .filter(r -> Taste.weight(r.type()) > 0)
        .map(r ->
            new RecentItem(r.itemId(), Taste.weight(r.type()), Instant.ofEpochMilli(r.timestamp())))
        .toList();
    CandidateRequest request =
        new CandidateRequest(userId, recentItems, excluded, pool, Instant.ofEpochMilli(now));
    CandidateMerger merger = CandidateMerger.of(List.of(
        new Quota(new BuyAgainSource(buyAgain), SourceQuotas.slots(quotas.buyAgain(), pool)),
        new Quota(annUser, SourceQuotas.slots(quotas.annUser(), pool)),
        new Quota(itemToItem, SourceQuotas.slots(quotas.itemToItem(), pool)),
        new Quota(
            CandidateSources.popular(() -> trending, catalog::available),
            SourceQuotas.slots(quotas.popular(), pool)),
        new Quota(
            CandidateSources.newItems(() -> catalog.newest(pool), catalog::available),
            SourceQuotas.slots(quotas.newItems(), pool))));
    return merger.merge(request);
  }
}
