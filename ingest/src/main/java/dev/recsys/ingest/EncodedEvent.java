package dev.recsys.ingest;

import static java.util.Objects.requireNonNull;

import dev.recsys.schemas.Codecs;
import dev.recsys.schemas.avro.UserEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An event that met the contract and is already in its topic form: the key (the user), the
 * record time (the event time) and the Avro bytes. A bulk load encodes each event once, sorts the
 * bytes by time and publishes them as they are; {@link #pack()} puts the key and the bytes in one
 * array for the sort.
 */
public record EncodedEvent(String userId, long timestamp, byte[] avro) {
  public EncodedEvent {
    requireNonNull(userId, "userId");
    requireNonNull(avro, "avro");
  }

  /** {@code event} encoded; the caller has checked it against the contract. */
  public static EncodedEvent of(UserEvent event) {
    return new EncodedEvent(
        event.getUserId(), event.getTimestamp().toEpochMilli(), Codecs.USER_EVENT.encode(event));
  }

  /** The inverse of {@link #pack()}, given the time it was packed with. */
  public static EncodedEvent unpack(long timestamp, byte[] packed) {
    ByteBuffer in = ByteBuffer.wrap(packed);
    int keyLength = in.getInt();
    String userId = new String(packed, Integer.BYTES, keyLength, StandardCharsets.UTF_8);
    return new EncodedEvent(
        userId, timestamp, Arrays.copyOfRange(packed, Integer.BYTES + keyLength, packed.length));
  }

  /** The user id's length, the user id (UTF-8) and the Avro bytes, in one array. */
  public byte[] pack() {
    byte[] key = userId.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(Integer.BYTES + key.length + avro.length)
        .putInt(key.length)
        .put(key)
        .put(avro)
        .array();
  }
}
