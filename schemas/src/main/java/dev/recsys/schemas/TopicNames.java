package dev.recsys.schemas;

import static java.util.Objects.requireNonNull;

/** The names of the recsys topics; every deployment may rename them. */
public record TopicNames(
    String events, String items, String eventsDlq, String impressions, String featureLog) {
  public static final TopicNames DEFAULT = new TopicNames(
      "recsys.events",
      "recsys.items",
      "recsys.events.dlq",
      "recsys.impressions",
      "recsys.feature-log");

  public TopicNames {
    requireNonNull(events, "topics.events");
    requireNonNull(items, "topics.items");
    requireNonNull(eventsDlq, "topics.events-dlq");
    requireNonNull(impressions, "topics.impressions");
    requireNonNull(featureLog, "topics.feature-log");
  }

  /** The same names with {@code prefix} in front, for isolated tests and multi-tenant clusters. */
  public TopicNames withPrefix(String prefix) {
    return new TopicNames(
        prefix + events,
        prefix + items,
        prefix + eventsDlq,
        prefix + impressions,
        prefix + featureLog);
  }
}
