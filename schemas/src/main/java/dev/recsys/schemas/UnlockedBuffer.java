package dev.recsys.schemas;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * {@link ByteArrayOutputStream} without its per-call lock, for one thread at a time. Encoders
 * write varints a byte at a time, and an uncontended lock per byte was their largest cost.
 */
public final class UnlockedBuffer extends ByteArrayOutputStream {
  public UnlockedBuffer(int initialSize) {
    super(initialSize);
  }

  @Override
  public void write(int b) {
    if (count == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    buf[count++] = (byte) b;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    if (count + length > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + length));
    }
    System.arraycopy(bytes, offset, buf, count, length);
    count += length;
  }

  @Override
  public void reset() {
    count = 0;
  }

  @Override
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, count);
  }
}
