package dev.recsys.schemas;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro single-object encoding ({@code C3 01}, the 8-byte CRC-64-AVRO fingerprint of the writer
 * schema, then the binary body). Decoding accepts the current schema and every released version
 * registered with the codec, resolving old records to the current shape. Thread-safe.
 */
public final class AvroCodec<T extends SpecificRecord> {
  /**
   * The most a string, a byte array or a collection in one record may claim to hold (8 Mi), set
   * as Avro's limits unless the JVM was started with its own: a corrupt length must be refused
   * before Avro allocates it, not after. Kafka's records are far smaller anyway.
   */
  static final int MAX_CLAIMED_LENGTH = 8 << 20;

  static {
    for (String limit : List.of(
        "org.apache.avro.limits.string.maxLength",
        "org.apache.avro.limits.bytes.maxLength",
        "org.apache.avro.limits.collectionItems.maxLength")) {
      if (System.getProperty(limit) == null) {
        System.setProperty(limit, String.valueOf(MAX_CLAIMED_LENGTH));
      }
    }
  }

  /** Per-thread encode buffers: the encoder writes byte by byte, so no lock per byte. */
  private static final ThreadLocal<UnlockedBuffer> BUFFERS =
      ThreadLocal.withInitial(() -> new UnlockedBuffer(512));

  private final Class<T> type;
  private final List<SchemaVersion> versions;
  private final byte[] header;
  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;

  private AvroCodec(Class<T> type, Schema current, List<SchemaVersion> versions) {
    this.type = requireNonNull(type, "type");
    this.versions = List.copyOf(versions);
    SpecificData model = SpecificData.getForClass(type);
    this.header = header(current);
    this.encoder = new BinaryMessageEncoder<>(model, current);
    this.decoder = new BinaryMessageDecoder<>(model, current);
    versions.forEach(v -> decoder.addSchema(v.schema()));
  }

  /**
   * The codec of a contract type: it writes {@code current} and reads every released version of
   * the type's schema ({@code history/<Type>.v<N>.avsc}).
   */
  static <T extends SpecificRecord> AvroCodec<T> of(Class<T> type, Schema current) {
    return new AvroCodec<>(type, current, SchemaHistory.versions(type.getSimpleName(), current));
  }

  public Class<T> type() {
    return type;
  }

  /** The schema versions this codec reads, oldest first; one is marked current. */
  public List<SchemaVersion> versions() {
    return versions;
  }

  /**
   * The 10 bytes every encoded value starts with: {@code C3 01} and the writer schema's
   * fingerprint, little-endian. For hand-written encoders of hot records; their tests compare
   * them with {@link #encode}.
   */
  public byte[] header() {
    return header.clone();
  }

  private static byte[] header(Schema schema) {
    return SchemaVersion.header(SchemaNormalization.parsingFingerprint64(schema));
  }

  public byte[] encode(T value) {
    UnlockedBuffer buffer = BUFFERS.get();
    buffer.reset();
    try {
      encoder.encode(value, buffer);
      return buffer.toByteArray();
    } catch (IOException | AvroRuntimeException | ClassCastException | NullPointerException e) {
      throw new CodecException("cannot encode " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /** The fingerprint in a single-object header (bytes 2..9, little-endian). */
  private static long carried(byte[] bytes) {
    long fingerprint = 0;
    for (int i = 0; i < 8 && 2 + i < bytes.length; i++) {
      fingerprint |= (bytes[2 + i] & 0xFFL) << (8 * i);
    }
    return fingerprint;
  }

  public T decode(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new CodecException(
          "empty payload: expected an Avro single-object encoded " + type.getSimpleName());
    }
    try {
      return decoder.decode(bytes);
    } catch (BadHeaderException e) {
      throw new CodecException(
          "not Avro single-object encoding (bad header); producers must "
              + "write with recsys codecs",
          e);
    } catch (MissingSchemaException e) {
      throw new CodecException(
          "unknown writer schema fingerprint " + SchemaVersion.hex(carried(bytes)) + " for "
              + type.getSimpleName() + "; known: "
              + versions.stream().map(SchemaVersion::describe).collect(Collectors.joining(", "))
              + ". Write with a released schema (recsys schemas lists them) and compute the "
              + "fingerprint from its parsing canonical form",
          e);
    } catch (IOException
        | AvroRuntimeException
        | IndexOutOfBoundsException
        | NegativeArraySizeException
        | UnsupportedOperationException e) {
      // UnsupportedOperationException is how Avro refuses a length over its limits.
      throw new CodecException("corrupt " + type.getSimpleName() + " payload: " + e, e);
    }
  }
}
