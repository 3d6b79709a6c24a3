package dev.recsys.schemas;

/** How many partitions and replicas new topics get. */
public record TopicLayout(int partitions, short replicationFactor) {
  public static final int DEFAULT_PARTITIONS = 4;
  /** One broker: the embedded runtime and a laptop. */
  public static final TopicLayout SINGLE_NODE = new TopicLayout(DEFAULT_PARTITIONS, (short) 1);

  public TopicLayout {
    if (partitions < 1) {
      throw new IllegalArgumentException("kafka.partitions must be at least 1, got " + partitions);
    }
    if (replicationFactor < 1) {
      throw new IllegalArgumentException(
          "kafka.replication-factor must be at least 1, got " + replicationFactor);
    }
  }
}
