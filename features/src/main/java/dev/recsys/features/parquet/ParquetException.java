package dev.recsys.features.parquet;

/** Reading or writing a Parquet file failed; the cause says why. */
public final class ParquetException extends RuntimeException {
  public ParquetException(String message, Throwable cause) {
    super(message, cause);
  }
}
