package dev.recsys.ranking.scoring;

import static java.util.Objects.requireNonNull;

import dev.recsys.ranking.RankingException;
import dev.recsys.ranking.registry.ModelRegistry;
import dev.recsys.ranking.registry.ModelVersion;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores with the promoted version of one kind and follows the registry's pointer. A swap
 * publishes the new session at once; the old one closes when its last in-flight request ends.
 * A version that fails its contract is logged once and the current one keeps serving.
 */
public final class LiveScorer implements Scorer {
  private static final Logger log = LoggerFactory.getLogger(LiveScorer.class);

  private final ModelRegistry registry;
  private final String kind;
  private final List<String> callerFeatures;
  private final ScorerOptions options;
  private final AtomicReference<SharedScorer> current = new AtomicReference<>();
  private final ScheduledExecutorService watcher;
  private String rejected = "";
  private boolean closed;

  private LiveScorer(
      ModelRegistry registry, String kind, List<String> callerFeatures, ScorerOptions options) {
    this.registry = requireNonNull(registry, "registry");
    this.kind = requireNonNull(kind, "kind");
    this.callerFeatures = List.copyOf(callerFeatures);
    this.options = requireNonNull(options, "options");
    this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "model-watch-" + kind);
      t.setDaemon(true);
      return t;
    });
  }

  static LiveScorer start(
      ModelRegistry registry,
      String kind,
      List<String> callerFeatures,
      ScorerOptions options,
      Duration pollInterval) {
    long every = pollInterval.toMillis();
    if (every <= 0) {
      throw new IllegalArgumentException("pollInterval must be positive, was " + pollInterval);
    }
    LiveScorer live = new LiveScorer(registry, kind, callerFeatures, options);
    live.refresh();
    live.watcher.scheduleWithFixedDelay(live::poll, every, every, TimeUnit.MILLISECONDS);
    return live;
  }

  @Override
  public float[] score(FeatureMatrix candidates) {
    SharedScorer shared = acquire();
    try {
      return shared.scorer().score(candidates);
    } finally {
      shared.release();
    }
  }

  private SharedScorer acquire() {
    while (true) {
      SharedScorer shared = current.get();
      if (shared == null) {
        throw new ModelNotLoadedException("no " + kind + " model is loaded; train one with"
            + " 'recsys train-ranker' and promote it with 'recsys models promote " + kind
            + " VERSION'");
      }
      if (shared.tryAcquire()) {
        return shared;
      }
    }
  }

  /**
   * Reads the promoted pointer now and swaps if it moved.
   *
   * @return whether a new version is now serving
   */
  public synchronized boolean refresh() {
    Optional<ModelVersion> promoted = registry.promoted(kind);
    if (closed || promoted.isEmpty()) {
      return false;
    }
    ModelVersion next = promoted.get();
    if (next.id().equals(modelVersion()) || next.id().equals(rejected)) {
      return false;
    }
    Scorer loaded;
    try {
      loaded = Scorers.onnx(next, callerFeatures, options);
    } catch (RankingException e) {
      rejected = next.id();
      log.error("Keeping model {}: promoted model {} was rejected", modelVersion(), next.id(), e);
      return false;
    }
    SharedScorer old = current.getAndSet(new SharedScorer(loaded));
    if (old != null) {
      old.release();
    }
    log.info("Now serving model {}", next.id());
    return true;
  }

  private void poll() {
    try {
      refresh();
    } catch (RuntimeException e) {
      log.warn("Checking the promoted {} model failed; will retry", kind, e);
    }
  }

  @Override
  public List<String> featureNames() {
    return callerFeatures;
  }

  @Override
  public String modelVersion() {
    SharedScorer shared = current.get();
    return shared == null ? "none" : shared.scorer().modelVersion();
  }

  @Override
  public void close() {
    watcher.shutdownNow();
    synchronized (this) {
      closed = true;
      SharedScorer old = current.getAndSet(null);
      if (old != null) {
        old.release();
      }
    }
  }
}
