package dev.recsys.ingest.generate;

import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.avro.UserEvent;

/**
 * Receives a generated data set: every item first, then every event in non-decreasing timestamp
 * order. The records' tags, attributes and context are immutable and may be shared between records;
 * copy them before changing them.
 */
public interface DatasetSink {

  void item(ItemUpdate item);

  void event(UserEvent event);
}
