package dev.recsys.schemas;

/** How a topic keeps its records. */
public enum TopicKind {
  /** An append-only log of facts, kept for the retention period. */
  LOG,
  /** Latest value per key; older values are compacted away. */
  COMPACTED
}
