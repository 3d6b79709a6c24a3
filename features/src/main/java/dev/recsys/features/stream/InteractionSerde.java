package dev.recsys.features.stream;

import dev.recsys.features.definition.Interaction;
import dev.recsys.schemas.avro.EventType;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The bytes of an {@link Interaction} on the pipeline's internal by-item topic: a format byte,
 * then the fields in order, strings as a varint (0 for none, else length + 1) and UTF-8, the event
 * type by name (so a type added later still reads on an older instance, as {@code UNKNOWN}). In the
 * sample data that is 58 bytes before the category, against 75 for the Avro {@code UserEvent} it
 * comes from, with no schema to resolve. Stateless, so one instance serves every stream thread.
 */
public final class InteractionSerde implements Serializer<Interaction>, Deserializer<Interaction> {
  private static final byte FORMAT = 1;
  private static final InteractionSerde INSTANCE = new InteractionSerde();

  private InteractionSerde() {}

  public static Serde<Interaction> serde() {
    return Serdes.serdeFrom(INSTANCE, INSTANCE);
  }

  @Override
  public byte[] serialize(String topic, Interaction i) {
    if (i == null) {
      return null;
    }
    byte[] eventId = utf8(i.eventId());
    byte[] userId = utf8(i.userId());
    byte[] itemId = utf8(i.itemId());
    byte[] type = utf8(i.type().name());
    byte[] session = utf8(i.sessionId());
    byte[] category = utf8(i.category());
    ByteBuffer out = ByteBuffer.allocate(1
        + 8
        + 8
        + size(eventId)
        + size(userId)
        + size(itemId)
        + size(type)
        + size(session)
        + size(category));
    out.put(FORMAT);
    put(out, eventId);
    put(out, userId);
    put(out, itemId);
    put(out, type);
    out.putDouble(i.value());
    out.putLong(i.timestamp());
    put(out, session);
    put(out, category);
    return out.array();
  }

  @Override
  public Interaction deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    try {
      ByteBuffer in = ByteBuffer.wrap(data);
      byte format = in.get();
      if (format != FORMAT) {
        throw new SerializationException("interaction on " + topic + " in format " + format
            + ", not " + FORMAT + ": written by another build of the feature pipeline; run one "
            + "build per application id");
      }
      String eventId = string(in);
      String userId = string(in);
      String itemId = string(in);
      EventType type = type(string(in));
      double value = in.getDouble();
      long timestamp = in.getLong();
      Interaction interaction =
          new Interaction(eventId, userId, itemId, type, value, timestamp, string(in), string(in));
      if (in.hasRemaining()) {
        throw new IllegalArgumentException(in.remaining() + " bytes past the last field");
      }
      return interaction;
    } catch (BufferUnderflowException
        | IndexOutOfBoundsException
        | IllegalArgumentException
        | NullPointerException e) {
      throw new SerializationException(
          "corrupt interaction on " + topic + " (" + data.length + " bytes): " + e.getMessage(), e);
    }
  }

  private static EventType type(String name) {
    try {
      return EventType.valueOf(name);
    } catch (IllegalArgumentException e) {
      return EventType.UNKNOWN;
    }
  }

  private static byte[] utf8(String value) {
    return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
  }

  private static int size(byte[] bytes) {
    return bytes == null ? 1 : varintSize(bytes.length + 1L) + bytes.length;
  }

  private static int varintSize(long value) {
    int size = 1;
    while ((value & ~0x7FL) != 0) {
      value >>>= 7;
      size++;
    }
    return size;
  }

  private static void put(ByteBuffer out, byte[] bytes) {
    long value = bytes == null ? 0 : bytes.length + 1L;
    while ((value & ~0x7FL) != 0) {
      out.put((byte) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.put((byte) value);
    if (bytes != null) {
      out.put(bytes);
    }
  }

  private static String string(ByteBuffer in) {
    long prefix = 0;
    for (int shift = 0; ; shift += 7) {
      if (shift > 28) {
        throw new IllegalArgumentException("malformed length");
      }
      byte b = in.get();
      prefix |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
    }
    if (prefix == 0) {
      return null;
    }
    if (prefix - 1 > in.remaining()) {
      throw new IllegalArgumentException(
          "a string of " + (prefix - 1) + " bytes with " + in.remaining() + " left");
    }
    int length = (int) (prefix - 1);
    String value = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return value;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {}

  @Override
  public void close() {}
}
