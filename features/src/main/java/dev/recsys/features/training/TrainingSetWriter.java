package dev.recsys.features.training;

import dev.recsys.features.pair.PairFeatures;
import dev.recsys.features.parquet.DuckDb;
import dev.recsys.features.parquet.ParquetException;
import dev.recsys.features.replay.TrainingRow;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.duckdb.DuckDBAppender;

/**
 * Writes training rows to {@code part-00000.parquet} in a directory, then the manifest. The file
 * appears under its final name only once complete, so a reader never sees half a training set.
 * Rows are appended to DuckDB on a background thread (the appends cost as much as computing the
 * rows), in the order they were accepted.
 */
public final class TrainingSetWriter implements Consumer<TrainingRow>, AutoCloseable {
  public static final String DATA_FILE = "part-00000.parquet";
  private static final String TABLE = "training_rows";
  private static final int BATCH = 1024;
  private static final int BATCHES_QUEUED = 16;
  private final Path dir;
  private final DuckDb db;
  private final DuckDBAppender appender;
  private final BackgroundBatches<TrainingRow> appends;
  private long rows;
  private long positives;

  private TrainingSetWriter(Path dir, DuckDb db, DuckDBAppender appender) {
    this.dir = dir;
    this.db = db;
    this.appender = appender;
    // The appender is used by the writer thread, then (after joining it) by finish(): never by
    // two threads at once, which is what DuckDB's thread confinement check guards against.
    appender.unsafeBreakThreadConfinement();
    this.appends =
        new BackgroundBatches<>("training-set-writer", BATCH, BATCHES_QUEUED, this::append);
  }

  public static TrainingSetWriter create(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the training-set directory " + dir, e);
    }
    DuckDb db = DuckDb.inMemory();
    // One fixed-size array column: with 37 DOUBLE columns the appends took longer than computing
    // the rows; as one array they take a third as long. The Parquet file still gets one named
    // column per feature (see finish).
    db.execute("CREATE TABLE " + TABLE + " (group_id VARCHAR, user_id VARCHAR, item_id VARCHAR, "
        + "timestamp_ms BIGINT, label INTEGER, features DOUBLE[" + PairFeatures.NAMES.size()
        + "])");
    try {
      return new TrainingSetWriter(dir, db, db.duck().createAppender(TABLE));
    } catch (SQLException e) {
      db.close();
      throw new ParquetException("cannot append to the training-set table", e);
    }
  }

  @Override
  public void accept(TrainingRow row) {
    appends.add(row);
    rows++;
    positives += row.label();
  }

  private void append(TrainingRow row) {
    try {
      appender
          .beginRow()
          .append(row.groupId())
          .append(row.userId())
          .append(row.itemId())
          .append(row.timestamp())
          .append(row.label())
          .append(row.features())
          .endRow();
    } catch (SQLException e) {
      throw new ParquetException("cannot append a training row for user " + row.userId(), e);
    }
  }

  /** Writes the Parquet file and the manifest; the writer is done after this. */
  public TrainingSetManifest finish(Instant from, Instant to, String source, String featureSet) {
    appends.finish();
    try {
      appender.close();
    } catch (SQLException e) {
      throw new ParquetException("cannot flush the training rows", e);
    }
    Path partial = dir.resolve(DATA_FILE + ".tmp");
    db.copyQueryToParquet(namedColumns(), partial);
    String fingerprint = sha256(partial);
    try {
      Files.move(
          partial,
          dir.resolve(DATA_FILE),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish " + dir.resolve(DATA_FILE), e);
    }
    TrainingSetManifest manifest = new TrainingSetManifest(
        PairFeatures.NAMES,
        rows,
        positives,
        rows - positives,
        fingerprint,
        from.toString(),
        to.toString(),
        source,
        featureSet,
        Instant.now().toString());
    manifest.write(dir);
    return manifest;
  }

  /** The rows with the feature array spread into one column per feature, in input order. */
  private static String namedColumns() {
    StringBuilder select =
        new StringBuilder("(SELECT group_id, user_id, item_id, timestamp_ms, label");
    for (int i = 0; i < PairFeatures.NAMES.size(); i++) {
      select.append(", features[").append(i + 1).append("] AS ").append(PairFeatures.NAMES.get(i));
    }
    return select.append(" FROM ").append(TABLE).append(')').toString();
  }

  private static String sha256(Path file) {
    try (DigestInputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(in.getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot fingerprint " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  @Override
  public void close() {
    appends.close();
    db.close();
  }
}
