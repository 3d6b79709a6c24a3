package dev.recsys.serving.recommend;

import dev.recsys.candidates.ann.ScoredItem;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Recommender} over a {@link Pipeline}: logs impressions, tracks readiness. */
final class Service implements Recommender {
  private static final Logger log = LoggerFactory.getLogger(Service.class);
  static final String WARM_UP_USER = "__warm-up__";

  private final Pipeline pipeline;
  private final ImpressionLog impressions;
  private final boolean indexLoaded;
  private final AtomicBoolean warm = new AtomicBoolean();

  Service(Pipeline pipeline, ImpressionLog impressions, boolean indexLoaded) {
    this.pipeline = pipeline;
    this.impressions = impressions;
    this.indexLoaded = indexLoaded;
  }

  @Override
  public Recommendation recommend(RecommendRequest request) {
    Recommendation answer = pipeline.run(request);
    impressions.log(answer);
    return answer;
  }

  @Override
  public List<ScoredItem> similar(String itemId, int k) {
    return pipeline.similar(itemId, k);
  }

  @Override
  public Readiness readiness() {
    List<String> missing = new ArrayList<>();
    if (!indexLoaded) {
      missing.add("index: not loaded; set serving.index-dir (SERVING_INDEX_DIR) to a folder"
          + " written by 'recsys build-index'");
    }
    if ("none".equals(pipeline.modelVersion())) {
      missing.add("model: no ranker is promoted; run 'recsys train-ranker' and 'recsys models"
          + " promote ranker VERSION'");
    }
    if (missing.isEmpty() && !warm.get()) {
      warmUp();
    }
    if (!warm.get()) {
      missing.add("warm-up: no warm-up request has run yet (it runs once index and model are"
          + " loaded)");
    }
    return new Readiness(missing);
  }

  /** Runs one request through every stage (not logged as an impression), once. */
  private synchronized void warmUp() {
    if (warm.get()) {
      return;
    }
    Recommendation r = pipeline.run(RecommendRequest.of(WARM_UP_USER, RecommendRequest.DEFAULT_K));
    log.info("warm-up request took {} ms with model {} (degraded: {})", r.tookMs(),
        r.modelVersion(), r.degraded());
    warm.set(true);
  }

  /** Holds nothing of its own: the store, index, model and impression log are its owner's. */
  @Override
  public void close() {}
}
