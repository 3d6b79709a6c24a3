package dev.recsys.schemas;

import static java.util.Objects.requireNonNull;

import org.apache.kafka.common.serialization.Serde;

/** A Kafka topic with the serdes of its keys and values, built once in {@link Topics}. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, TopicKind kind) {
  public Topic {
    requireNonNull(name, "name");
    requireNonNull(keySerde, "keySerde");
    requireNonNull(valueSerde, "valueSerde");
    requireNonNull(kind, "kind");
    if (name.isBlank()) {
      throw new IllegalArgumentException("topic name must not be blank");
    }
  }
}
