package dev.recsys.features.offline;

import dev.recsys.schemas.AvroCodec;
import dev.recsys.schemas.CodecException;
import java.sql.SQLException;
import org.apache.avro.specific.SpecificRecord;
import org.duckdb.DuckDBAppender;

/** How one topic's records become Parquet rows: the dataset, the columns, one record's values. */
interface RowFormat<T extends SpecificRecord> {

  /** The dataset directory under the offline root. */
  String dataset();

  /** The column definitions after the leading {@code kafka_partition, kafka_offset}. */
  String columns();

  AvroCodec<T> codec();

  /** Appends the value's columns to a row the caller has begun. */
  void append(DuckDBAppender row, T value) throws SQLException;

  /** The decoded record, or null for bytes that cannot be (already dead-lettered by intake). */
  default T decode(byte[] value) {
    try {
      return codec().decode(value);
    } catch (CodecException e) {
      return null;
    }
  }
}
