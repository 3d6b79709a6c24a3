package dev.recsys.serving.recommend;

import dev.recsys.candidates.ann.ScoredItem;
import dev.recsys.features.store.OnlineStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Recommender} over a {@link Pipeline}: logs impressions, tracks readiness. Once index and
 * model are loaded, a background thread runs {@code warmUpRequests} requests through the pipeline
 * (users from the online store, then an unknown one, in turn; no impressions), and only then is
 * it ready: a cold JVM answered its first minute of traffic in hundreds of ms while C2 compiled.
 */
final class Service implements Recommender {
  private static final Logger log = LoggerFactory.getLogger(Service.class);
  static final String WARM_UP_USER = "__warm-up__";

  /** Users the warm-up asks for, at most. */
  static final int WARM_UP_USERS = 1_000;

  private final Pipeline pipeline;
  private final ImpressionLog impressions;
  private final boolean indexLoaded;
  private final OnlineStore store;
  private final int warmUpRequests;
  private final AtomicBoolean warmUpStarted = new AtomicBoolean();
  private final AtomicInteger warmedUp = new AtomicInteger();
  private volatile boolean warm;
  private volatile boolean closed;

  Service(
      Pipeline pipeline,
      ImpressionLog impressions,
      boolean indexLoaded,
      OnlineStore store,
      int warmUpRequests) {
    this.pipeline = pipeline;
    this.impressions = impressions;
    this.indexLoaded = indexLoaded;
    this.store = store;
    this.warmUpRequests = warmUpRequests;
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
    boolean warmed = warm;
    if (missing.isEmpty() && !warmed) {
      startWarmUp();
    }
    if (!warmed) {
      missing.add("warm-up: " + warmedUp.get() + " of " + warmUpRequests + " requests run"
          + " through the pipeline (it starts once index and model are loaded)");
    }
    return new Readiness(missing);
  }

  private void startWarmUp() {
    if (warmUpStarted.compareAndSet(false, true)) {
      Thread thread = new Thread(this::warmUp, "warm-up");
      thread.setDaemon(true);
      thread.start();
    }
  }

  private void warmUp() {
    long started = System.nanoTime();
    List<String> users = new ArrayList<>(knownUsers());
    users.add(WARM_UP_USER);
    try {
      for (int i = 0; i < warmUpRequests && !closed; i++) {
        pipeline.run(RecommendRequest.of(users.get(i % users.size()), RecommendRequest.DEFAULT_K));
        warmedUp.incrementAndGet();
      }
      log.info(
          "warm-up: {} requests for {} users in {} ms with model {}",
          warmedUp.get(),
          users.size(),
          (System.nanoTime() - started) / 1_000_000,
          pipeline.modelVersion());
    } catch (RuntimeException e) {
      log.warn("warm-up stopped after {} requests; ready without the rest", warmedUp.get(), e);
    }
    warm = true;
  }

  /** Users with features to warm up with; none (the cold-start path only) if the store fails. */
  private List<String> knownUsers() {
    try {
      return store.someUserIds(WARM_UP_USERS);
    } catch (RuntimeException e) {
      log.warn(
          "warm-up cannot list users ({}); warming up on the cold-start path only", e.toString());
      return List.of();
    }
  }

  /** Stops a warm-up; the store, index, model and impression log are its owner's. */
  @Override
  public void close() {
    closed = true;
  }
}
