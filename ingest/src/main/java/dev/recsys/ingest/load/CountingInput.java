package dev.recsys.ingest.load;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** A file's input stream (gunzipped for {@code .gz}) that counts the file bytes consumed. */
final class CountingInput extends FilterInputStream {
  private long count;
  private final InputStream stream;

  private CountingInput(InputStream raw, boolean gzip) throws IOException {
    super(raw);
    this.stream = gzip ? new GZIPInputStream(this, 1 << 16) : this;
  }

  static CountingInput open(Path file) throws IOException {
    return new CountingInput(
        new BufferedInputStream(Files.newInputStream(file), 1 << 16),
        file.toString().endsWith(".gz"));
  }

  InputStream stream() {
    return stream;
  }

  long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count++;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      count += n;
    }
    return n;
  }
}
