package dev.recsys.ingest;

import static java.util.Objects.requireNonNull;

/** Kafka's acknowledgement of one record: it is durable at this position. */
public record Ack(String topic, int partition, long offset) {
  public Ack {
    requireNonNull(topic, "topic");
  }
}
