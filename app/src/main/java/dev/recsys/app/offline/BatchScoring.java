package dev.recsys.app.offline;

import static java.util.Objects.requireNonNull;

import dev.recsys.features.parquet.DuckDb;
import dev.recsys.features.parquet.ParquetException;
import dev.recsys.serving.recommend.RecommendRequest;
import dev.recsys.serving.recommend.Recommendation;
import dev.recsys.serving.recommend.RecommendedItem;
import dev.recsys.serving.recommend.Recommender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.duckdb.DuckDBAppender;

/**
 * Recommendations for many users without HTTP: the serving pipeline run by {@code threads}
 * workers, the answers written by one writer to {@code recommendations.parquet} (one row per
 * user and rank) as they come, so memory stays flat whatever the number of users.
 */
public final class BatchScoring {
  public static final String FILE = "recommendations.parquet";
  private static final String TABLE = "recommendations";
  private static final int QUEUE = 10_000;
  private final Recommender recommender;
  private final int k;
  private final int threads;

  public BatchScoring(Recommender recommender, int k, int threads) {
    this.recommender = requireNonNull(recommender, "recommender");
    if (k < 1 || k > RecommendRequest.MAX_K) {
      throw new IllegalArgumentException("--k must be within 1.." + RecommendRequest.MAX_K);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
    }
    this.k = k;
    this.threads = threads;
  }

  /** What a run did. */
  public record Summary(long users, long rows, long degraded, Duration took) {
    public double usersPerSecond() {
      return users / Math.max(took.toNanos() / 1e9, 1e-9);
    }
  }

  public Summary run(Iterable<String> users, Path outDir, LongConsumer progress)
      throws InterruptedException {
    long started = System.nanoTime();
    BlockingQueue<Recommendation> done = new ArrayBlockingQueue<>(QUEUE);
    AtomicLong degraded = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long submitted = 0;
    long[] written = {0, 0};
    try (DuckDb db = DuckDb.inMemory()) {
      db.execute("CREATE TABLE " + TABLE + " (user_id VARCHAR, rank INTEGER, item_id VARCHAR, "
          + "score DOUBLE, sources VARCHAR[], model_version VARCHAR, degraded VARCHAR[], "
          + "scored_at_ms BIGINT)");
      try (DuckDBAppender appender = db.duck().createAppender(TABLE)) {
        for (String user : users) {
          pool.execute(() -> {
            Recommendation r = recommender.recommend(RecommendRequest.of(user, k));
            if (!r.degraded().isEmpty()) {
              degraded.incrementAndGet();
            }
            put(done, r);
          });
          submitted++;
          for (Recommendation r = done.poll(); r != null; r = done.poll()) {
            append(r, appender, written, progress);
          }
        }
        pool.shutdown();
        while (written[0] < submitted) {
          Recommendation r = done.poll(1, TimeUnit.SECONDS);
          if (r != null) {
            append(r, appender, written, progress);
          }
        }
        progress.accept(written[0]);
      } catch (SQLException e) {
        throw new ParquetException("cannot append recommendations", e);
      }
      publish(db, outDir);
    } finally {
      pool.shutdownNow();
    }
    return new Summary(
        submitted, written[1], degraded.get(), Duration.ofNanos(System.nanoTime() - started));
  }

  private static void put(BlockingQueue<Recommendation> done, Recommendation r) {
    try {
      done.put(r);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Appends one user's rows; {@code written} counts users, then rows. */
  private static void append(
      Recommendation r, DuckDBAppender appender, long[] written, LongConsumer progress)
      throws SQLException {
    for (RecommendedItem item : r.items()) {
      appender
          .beginRow()
          .append(r.userId())
          .append(item.rank())
          .append(item.itemId())
          .append(item.score())
          .append(List.copyOf(item.sources()))
          .append(r.modelVersion())
          .append(r.degraded())
          .append(r.timestamp())
          .endRow();
    }
    written[1] += r.items().size();
    if (++written[0] % 1_000 == 0) {
      progress.accept(written[0]);
    }
  }

  private static void publish(DuckDb db, Path outDir) {
    try {
      Files.createDirectories(outDir);
      Path partial = outDir.resolve(FILE + ".tmp");
      db.copyToParquet(TABLE, partial);
      Files.move(
          partial,
          outDir.resolve(FILE),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + outDir.resolve(FILE), e);
    }
  }
}
