package dev.recsys.benchmarks.ingest;

import dev.recsys.ingest.generate.DatasetGenerator;
import dev.recsys.ingest.generate.DatasetSink;
import dev.recsys.ingest.generate.GeneratorParams;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.avro.UserEvent;
import java.util.ArrayList;
import java.util.List;

/** Realistic events from the sample data generator, scaled to the count a benchmark needs. */
final class SampleEvents {
  private SampleEvents() {}

  static List<UserEvent> take(int count) {
    GeneratorParams base = GeneratorParams.DEFAULT;
    double scale = Math.max(1.0, count * 1.2 / base.estimatedEvents());
    GeneratorParams params = base.withUsers((int) Math.ceil(base.users() * scale))
        .withItems(Math.max(base.items(), (int) (base.items() * Math.sqrt(scale))));
    List<UserEvent> events = new ArrayList<>(count);
    new DatasetGenerator().generate(params, new DatasetSink() {
      @Override
      public void item(ItemUpdate item) {}

      @Override
      public void event(UserEvent event) {
        if (events.size() < count) {
          events.add(event);
        }
      }
    });
    if (events.size() < count) {
      throw new IllegalStateException("generated only " + events.size() + " of " + count);
    }
    return events;
  }
}
