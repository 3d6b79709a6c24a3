package dev.recsys.ingest.batch;

import java.util.List;

/**
 * What happened to each entry of a batch. {@code acceptedIds} are the ids of the entries Kafka
 * acknowledged, in request order; {@code rejected} broke the contract and were not sent (one row
 * per broken rule); {@code failed} were valid but not acknowledged by Kafka and may be retried.
 */
public record BatchResult(
    List<String> acceptedIds, List<Rejection> rejected, List<Rejection> failed) {
  public BatchResult {
    acceptedIds = List.copyOf(acceptedIds);
    rejected = List.copyOf(rejected);
    failed = List.copyOf(failed);
  }

  public int accepted() {
    return acceptedIds.size();
  }
}
