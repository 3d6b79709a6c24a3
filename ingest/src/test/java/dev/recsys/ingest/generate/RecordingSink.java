package dev.recsys.ingest.generate;

import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.avro.UserEvent;
import java.util.ArrayList;
import java.util.List;

/** Keeps everything a generator emits, and notices items that arrive after the first event. */
final class RecordingSink implements DatasetSink {

  private final List<ItemUpdate> items = new ArrayList<>();
  private final List<UserEvent> events = new ArrayList<>();
  private int itemsAfterFirstEvent;

  @Override
  public void item(ItemUpdate item) {
    items.add(item);
    itemsAfterFirstEvent += events.isEmpty() ? 0 : 1;
  }

  @Override
  public void event(UserEvent event) {
    events.add(event);
  }

  List<ItemUpdate> items() {
    return items;
  }

  List<UserEvent> events() {
    return events;
  }

  int itemsAfterFirstEvent() {
    return itemsAfterFirstEvent;
  }
}
