package dev.recsys.features.stream;

import dev.recsys.schemas.UnlockedBuffer;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.UTFDataFormatException;

/**
 * The bytes {@link DataOutputStream} writes, into an {@link UnlockedBuffer}, without the stream's
 * lock per call: entity states are encoded once per changed entity per commit, field by field, on
 * the stream thread. One thread at a time.
 */
final class StateOutput implements DataOutput {
  private final UnlockedBuffer out = new UnlockedBuffer(1024);

  void reset() {
    out.reset();
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }

  @Override
  public void write(int b) {
    out.write(b);
  }

  @Override
  public void write(byte[] bytes) {
    out.write(bytes, 0, bytes.length);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    out.write(bytes, offset, length);
  }

  @Override
  public void writeBoolean(boolean v) {
    out.write(v ? 1 : 0);
  }

  @Override
  public void writeByte(int v) {
    out.write(v);
  }

  @Override
  public void writeShort(int v) {
    out.write(v >>> 8);
    out.write(v);
  }

  @Override
  public void writeChar(int v) {
    writeShort(v);
  }

  @Override
  public void writeInt(int v) {
    writeShort(v >>> 16);
    writeShort(v);
  }

  @Override
  public void writeLong(long v) {
    writeInt((int) (v >>> 32));
    writeInt((int) v);
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
    for (int i = 0; i < s.length(); i++) {
      out.write(s.charAt(i));
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
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c == 0 || c >= 0x80) {
        bytes += c >= 0x800 ? 2 : 1;
      }
    }
    if (bytes > 65_535) {
      throw new UTFDataFormatException("encoded string too long: " + bytes + " bytes");
    }
    writeShort(bytes);
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c != 0 && c < 0x80) {
        out.write(c);
      } else if (c < 0x800) {
        out.write(0xC0 | (c >> 6));
        out.write(0x80 | (c & 0x3F));
      } else {
        out.write(0xE0 | (c >> 12));
        out.write(0x80 | ((c >> 6) & 0x3F));
        out.write(0x80 | (c & 0x3F));
      }
    }
  }
}
