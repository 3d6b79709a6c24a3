package dev.recsys.features.parquet;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBConnection;

/** An in-process DuckDB database in memory: where Parquet files are written from and queried. */
public final class DuckDb implements AutoCloseable {
  private final DuckDBConnection connection;

  private DuckDb(DuckDBConnection connection) {
    this.connection = connection;
  }

  public static DuckDb inMemory() {
    try {
      return new DuckDb((DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:"));
    } catch (SQLException e) {
      throw new ParquetException("cannot start the embedded DuckDB", e);
    }
  }

  public Connection connection() {
    return connection;
  }

  public DuckDBConnection duck() {
    return connection;
  }

  public void execute(String sql) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new ParquetException("DuckDB failed: " + sql, e);
    }
  }

  /** Writes a table to one ZSTD-compressed Parquet file. */
  public void copyToParquet(String table, Path file) {
    copyQueryToParquet(table, file);
  }

  /** Writes the rows of a query (or a table name) to one ZSTD-compressed Parquet file. */
  public void copyQueryToParquet(String query, Path file) {
    execute("COPY (FROM " + query + ") TO " + literal(file.toString())
        + " (FORMAT PARQUET, COMPRESSION ZSTD)");
  }

  /** A SQL string literal. */
  public static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new ParquetException("cannot close the embedded DuckDB", e);
    }
  }
}
