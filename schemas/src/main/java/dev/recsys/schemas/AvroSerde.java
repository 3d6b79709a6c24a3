package dev.recsys.schemas;

import static java.util.Objects.requireNonNull;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A Kafka serde over an {@link AvroCodec}; failures surface as Kafka SerializationExceptions. */
final class AvroSerde<T extends SpecificRecord> implements Serde<T> {
  private final AvroCodec<T> codec;

  public AvroSerde(AvroCodec<T> codec) {
    this.codec = requireNonNull(codec, "codec");
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> value == null ? null : codec.encode(value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      try {
        return codec.decode(bytes);
      } catch (CodecException e) {
        throw new SerializationException(e.getMessage(), e);
      }
    };
  }
}
