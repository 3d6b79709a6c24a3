package dev.recsys.features.offline;

import dev.recsys.features.parquet.DuckDb;
import dev.recsys.features.parquet.ParquetException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.duckdb.DuckDBAppender;

/**
 * Writes a batch: for each of its dates, rows appended to a DuckDB table and copied to
 * {@code <file>.tmp}; once every date's file is staged, each is moved into place atomically.
 * Writing the same batch again replaces the same files.
 */
final class ParquetBatchWriter<T extends SpecificRecord> implements AutoCloseable {
  private static final String TABLE = "batch";
  private final RowFormat<T> format;
  private final OfflineLayout layout;
  private final DuckDb db = DuckDb.inMemory();

  ParquetBatchWriter(RowFormat<T> format, OfflineLayout layout) {
    this.format = format;
    this.layout = layout;
  }

  /** Writes the batch, one file per date (empty when none of its records could be decoded). */
  List<Path> write(Batch<T> batch) {
    Map<Path, Path> staged = new LinkedHashMap<>();
    for (var date : batch.byDate.entrySet()) {
      Path file = layout.file(
          format.dataset(),
          date.getKey(),
          batch.partition,
          batch.first,
          batch.last,
          batch.byDate.size());
      staged.put(stage(batch.partition, date.getValue(), file), file);
    }
    try {
      for (Map.Entry<Path, Path> move : staged.entrySet()) {
        Files.move(
            move.getKey(),
            move.getValue(),
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot move the files of partition " + batch.partition + ", offsets " + batch.first
              + ".." + batch.last + " into place",
          e);
    }
    return List.copyOf(staged.values());
  }

  private Path stage(int partition, List<Batch.Entry<T>> entries, Path file) {
    db.execute("CREATE OR REPLACE TABLE " + TABLE + " (kafka_partition INTEGER, "
        + "kafka_offset BIGINT, " + format.columns() + ")");
    try (DuckDBAppender appender = db.duck().createAppender(TABLE)) {
      for (Batch.Entry<T> entry : entries) {
        appender.beginRow().append(partition).append(entry.offset());
        format.append(appender, entry.value());
        appender.endRow();
      }
    } catch (SQLException e) {
      throw new ParquetException("cannot stage rows for " + file, e);
    }
    Path partial = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + file.getParent(), e);
    }
    db.copyToParquet(TABLE, partial);
    return partial;
  }

  @Override
  public void close() {
    db.close();
  }
}
