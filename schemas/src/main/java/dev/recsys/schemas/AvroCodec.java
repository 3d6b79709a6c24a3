package dev.recsys.schemas;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.List;
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
  /** Per-thread encode buffers: the encoder writes byte by byte, so no lock per byte. */
  private static final ThreadLocal<UnlockedBuffer> BUFFERS =
      ThreadLocal.withInitial(() -> new UnlockedBuffer(512));

  private final Class<T> type;
  private final byte[] header;
  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;

  private AvroCodec(Class<T> type, Schema current, List<Schema> released) {
    this.type = requireNonNull(type, "type");
    SpecificData model = SpecificData.getForClass(type);
    this.header = header(current);
    this.encoder = new BinaryMessageEncoder<>(model, current);
    this.decoder = new BinaryMessageDecoder<>(model, current);
    released.forEach(decoder::addSchema);
  }

  /** A codec writing {@code current} and reading it plus each schema in {@code released}. */
  public static <T extends SpecificRecord> AvroCodec<T> of(
      Class<T> type, Schema current, List<Schema> released) {
    return new AvroCodec<>(type, current, released);
  }

  public Class<T> type() {
    return type;
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
    long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
    byte[] header = new byte[10];
    header[0] = (byte) 0xC3;
    header[1] = 0x01;
    for (int i = 0; i < 8; i++) {
      header[2 + i] = (byte) (fingerprint >>> (8 * i));
    }
    return header;
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
          "unknown writer schema for " + type.getSimpleName() + " (" + e.getMessage()
              + "); add the schema to the released history",
          e);
    } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
      throw new CodecException("corrupt " + type.getSimpleName() + " payload: " + e, e);
    }
  }
}
