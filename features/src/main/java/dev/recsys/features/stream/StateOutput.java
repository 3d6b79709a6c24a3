package dev.recsys.features.stream;

import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.UTFDataFormatException;
import java.util.Arrays;

/**
 * The bytes {@link DataOutputStream} writes, without its lock per call: entity states are encoded
 * once per changed entity per commit, field by field, on the stream thread. One thread at a time.
 */
final class StateOutput implements DataOutput {
  private byte[] buf = new byte[1024];
  private int count;

  void reset() {
    count = 0;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, count);
  }

  private void ensure(int more) {
    if (count + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
    }
  }

  @Override
  public void write(int b) {
    ensure(1);
    buf[count++] = (byte) b;
  }

  @Override
  public void write(byte[] bytes) {
    write(bytes, 0, bytes.length);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    ensure(length);
    System.arraycopy(bytes, offset, buf, count, length);
    count += length;
  }

  @Override
  public void writeBoolean(boolean v) {
    write(v ? 1 : 0);
  }

  @Override
  public void writeByte(int v) {
    write(v);
  }

  @Override
  public void writeShort(int v) {
    ensure(2);
    buf[count++] = (byte) (v >>> 8);
    buf[count++] = (byte) v;
  }

  @Override
  public void writeChar(int v) {
    writeShort(v);
  }

  @Override
  public void writeInt(int v) {
    ensure(4);
    for (int shift = 24; shift >= 0; shift -= 8) {
      buf[count++] = (byte) (v >>> shift);
    }
  }

  @Override
  public void writeLong(long v) {
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      buf[count++] = (byte) (v >>> shift);
    }
  }

  @Override
  public void writeFloat(float v) {
    writeInt(Float.floatToIntBits(v));
  }

  @Override
  public void writeDouble(double v) {
    writeLong(Double.doubleToLongBits(v));
  }

  @Override
  public void writeBytes(String s) {
    ensure(s.length());
    for (int i = 0; i < s.length(); i++) {
      buf[count++] = (byte) s.charAt(i);
    }
  }

  @Override
  public void writeChars(String s) {
    for (int i = 0; i < s.length(); i++) {
      writeChar(s.charAt(i));
    }
  }

  /** Modified UTF-8 behind an unsigned 16-bit length, as {@link DataOutputStream#writeUTF}. */
  @Override
  public void writeUTF(String s) throws UTFDataFormatException {
    int length = s.length();
    int bytes = length;
    boolean ascii = true;
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c == 0 || c >= 0x80) {
        ascii = false;
        bytes += c >= 0x800 ? 2 : 1;
      }
    }
    if (bytes > 65_535) {
      throw new UTFDataFormatException("encoded string too long: " + bytes + " bytes");
    }
    writeShort(bytes);
    ensure(bytes);
    if (ascii) {
      for (int i = 0; i < length; i++) {
        buf[count++] = (byte) s.charAt(i);
      }
      return;
    }
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c != 0 && c < 0x80) {
        buf[count++] = (byte) c;
      } else if (c < 0x800) {
        buf[count++] = (byte) (0xC0 | (c >> 6));
        buf[count++] = (byte) (0x80 | (c & 0x3F));
      } else {
        buf[count++] = (byte) (0xE0 | (c >> 12));
        buf[count++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buf[count++] = (byte) (0x80 | (c & 0x3F));
      }
    }
  }
}
