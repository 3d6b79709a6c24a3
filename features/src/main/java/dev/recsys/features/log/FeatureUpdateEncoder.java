package dev.recsys.features.log;

import dev.recsys.features.definition.FeatureLayout;
import dev.recsys.features.definition.FeatureSet;
import dev.recsys.features.definition.FeatureValues;
import dev.recsys.features.definition.FeatureVector.EntityKind;
import dev.recsys.features.definition.RecentInteraction;
import dev.recsys.schemas.Codecs;
import dev.recsys.schemas.avro.FeatureUpdate;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes the bytes {@code Codecs.FEATURE_UPDATE.encode(FeatureUpdates.of(values, set, eventId))}
 * would, straight from the values: no {@link FeatureUpdate}, no boxed doubles, no schema walk. The
 * stream writes two updates per event and the generic Avro writer was a seventh of its time.
 * {@code FeatureUpdateEncoderTest} holds it to the Avro library's bytes, field for field; a change
 * to the {@code FeatureUpdate} schema changes the fingerprint and fails that test until this is
 * changed too. One instance per thread.
 */
public final class FeatureUpdateEncoder {
  private static final byte[] HEADER = Codecs.FEATURE_UPDATE.header();
  private final byte[] featureSet;
  private byte[] buf = new byte[1024];
  private int count;

  public FeatureUpdateEncoder(FeatureSet set) {
    this.featureSet = set.namespace().getBytes(StandardCharsets.UTF_8);
  }

  public byte[] encode(FeatureValues values, String eventId) {
    count = 0;
    write(HEADER, HEADER.length);
    writeLong(values.kind() == EntityKind.USER ? 0 : 1);
    writeString(values.id());
    writeLong(featureSet.length);
    write(featureSet, featureSet.length);
    writeLong(values.updatedAt());
    writeString(eventId);
    Map<String, Double> named = values.named();
    if (!named.isEmpty()) {
      writeLong(named.size());
      for (Map.Entry<String, Double> entry : named.entrySet()) {
        writeString(entry.getKey());
        writeDouble(entry.getValue());
      }
    }
    writeLong(0);
    List<RecentInteraction> recent = values.recent();
    if (!recent.isEmpty()) {
      writeLong(recent.size());
      for (RecentInteraction r : recent) {
        writeString(r.itemId());
        writeLong(r.type().ordinal());
        writeLong(r.timestamp());
      }
    }
    writeLong(0);
    writeLong(FeatureLayout.of(values.kind()).fingerprint());
    double[] fixed = values.fixed();
    if (fixed.length > 0) {
      writeLong(fixed.length);
      ensure(fixed.length * 8);
      for (double value : fixed) {
        writeDouble(value);
      }
    }
    writeLong(0);
    return Arrays.copyOf(buf, count);
  }

  /** Avro's {@code long}: zig-zag, then 7 bits a byte, low first. */
  private void writeLong(long value) {
    ensure(10);
    long n = (value << 1) ^ (value >> 63);
    while ((n & ~0x7FL) != 0) {
      buf[count++] = (byte) ((n & 0x7F) | 0x80);
      n >>>= 7;
    }
    buf[count++] = (byte) n;
  }

  /** Avro's {@code double}: the raw IEEE 754 bits, little-endian. */
  private void writeDouble(double value) {
    ensure(8);
    long bits = Double.doubleToRawLongBits(value);
    for (int i = 0; i < 8; i++) {
      buf[count++] = (byte) (bits >>> (8 * i));
    }
  }

  private void writeString(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    writeLong(bytes.length);
    write(bytes, bytes.length);
  }

  private void write(byte[] bytes, int length) {
    ensure(length);
    System.arraycopy(bytes, 0, buf, count, length);
    count += length;
  }

  private void ensure(int more) {
    if (count + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
    }
  }
}
