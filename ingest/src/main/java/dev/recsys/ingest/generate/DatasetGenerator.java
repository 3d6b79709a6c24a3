package dev.recsys.ingest.generate;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * Generates a synthetic interaction data set: the catalog first, then events in non-decreasing time
 * order. Output is a pure function of the {@link GeneratorParams} (one {@link SplittableRandom}
 * seeded from them, {@link StrictMath} for the floating point); memory holds the catalog, the users
 * and about one day of events.
 */
public final class DatasetGenerator {

  /** How many events pass between two progress reports. */
  public static final long PROGRESS_EVERY = EventEmitter.PROGRESS_EVERY;

  public DatasetSummary generate(GeneratorParams params, DatasetSink sink) {
    return generate(params, sink, eventsSoFar -> {});
  }

  /**
   * Like {@link #generate(GeneratorParams, DatasetSink)}, reporting the number of events emitted so
   * far every {@link #PROGRESS_EVERY} events and once at the end.
   */
  public DatasetSummary generate(
      GeneratorParams params, DatasetSink sink, LongConsumer eventsSoFar) {
    SplittableRandom root = new SplittableRandom(params.seed());
    Period period = Period.of(params);
    Catalog catalog = Catalog.create(params, period, root.split());
    for (int i = 0; i < catalog.size(); i++) {
      sink.item(catalog.item(i).toUpdate());
    }
    List<UserProfile> users = users(params, catalog, root.split());
    SessionSimulator simulator =
        new SessionSimulator(catalog, new Funnel(params.funnel(), catalog));
    SessionPlanner planner = new SessionPlanner(users, new SessionClock(period), simulator);
    EventEmitter emitter = new EventEmitter(sink, catalog, users, eventsSoFar);
    TimeOrderedBuffer buffer = new TimeOrderedBuffer();
    long nextSession = 0;
    for (int day = 0; day < params.days(); day++) {
      nextSession = planner.planDay(day, nextSession, root.split(), buffer::add);
      // Later days' sessions start at or after the next day boundary: what precedes it is final.
      buffer.releaseBefore(period.dayStart(day + 1), emitter::emit);
    }
    return emitter.finish(period.start());
  }

  private static List<UserProfile> users(
      GeneratorParams params, Catalog catalog, SplittableRandom rng) {
    int width = Ids.width(params.users(), 5);
    return IntStream.range(0, params.users())
        .mapToObj(u -> UserProfile.random(Ids.of('u', u, width), params, catalog, rng))
        .toList();
  }
}
