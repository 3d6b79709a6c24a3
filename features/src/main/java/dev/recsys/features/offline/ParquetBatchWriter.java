package dev.recsys.features.offline;

import dev.recsys.features.parquet.DuckDb;
import dev.recsys.features.parquet.ParquetException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import org.apache.avro.specific.SpecificRecord;
import org.duckdb.DuckDBAppender;

/**
 * Writes a batch to its file: rows appended to a DuckDB table, copied to {@code <file>.tmp},
 * then moved into place atomically. Writing the same batch again replaces the same file.
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

  /** Writes the batch, returning the file (an empty one when no record could be decoded). */
  Path write(Batch<T> batch) {
    Path file = layout.file(format.dataset(), batch.date, batch.partition, batch.first,
        batch.last);
    db.execute("CREATE OR REPLACE TABLE " + TABLE + " (kafka_partition INTEGER, "
        + "kafka_offset BIGINT, " + format.columns() + ")");
    try (DuckDBAppender appender = db.duck().createAppender(TABLE)) {
      for (Batch.Entry<T> entry : batch.entries) {
        appender.beginRow().append(batch.partition).append(entry.offset());
        format.append(appender, entry.value());
        appender.endRow();
      }
    } catch (SQLException e) {
      throw new ParquetException("cannot stage rows for " + file, e);
    }
    Path partial = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(file.getParent());
      db.copyToParquet(TABLE, partial);
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return file;
  }

  @Override
  public void close() {
    db.close();
  }
}
