package dev.recsys.features.replay;

import static java.util.Objects.requireNonNull;

import dev.recsys.features.intake.IntakeProcessor.IntakePolicy;
import dev.recsys.features.pair.ItemVectors;
import dev.recsys.features.pair.NearestItems;
import dev.recsys.features.pair.PairFeatures;
import dev.recsys.schemas.avro.Impression;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.avro.UserEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Replays events into labelled training rows. Events are merged into event-time order (see
 * {@link EventTimeMerge}); for each moment, rows are labelled from the state built by the events
 * strictly before it, and only then are that moment's events applied. So no row ever sees an
 * event at or after its own timestamp.
 */
public final class ReplayEngine {
  private static final int PROGRESS_EVERY = 10_000;
  private final IntakePolicy intake;
  private final LabelPolicy labels;
  private final FeatureStates states;
  private final PopularitySampler sampler;
  private final HardNegatives hard;
  private final List<MomentListener> listeners = new ArrayList<>();
  private final Set<String> touched = new HashSet<>();
  private long positives;
  private long negatives;

  public ReplayEngine(IntakePolicy intake, LabelPolicy labels, Map<String, ItemUpdate> catalog) {
    this(intake, labels, catalog, ItemVectors.NONE, NearestItems.NONE);
  }

  /**
   * @param embeddings the item vectors for the taste similarity (see {@link FeatureStates})
   * @param nearest the items nearest a taste in the same vectors, for hard negatives
   */
  public ReplayEngine(
      IntakePolicy intake,
      LabelPolicy labels,
      Map<String, ItemUpdate> catalog,
      ItemVectors embeddings,
      NearestItems nearest) {
    this.intake = requireNonNull(intake, "intake");
    this.labels = requireNonNull(labels, "labels");
    this.states = new FeatureStates(catalog, embeddings);
    this.sampler = new PopularitySampler(labels.seed());
    this.hard = new HardNegatives(requireNonNull(nearest, "nearest"), labels.seed());
    catalog.keySet().stream().sorted().forEach(sampler::register);
  }

  /** Adds a listener that sees every moment before its events are applied. */
  public ReplayEngine listen(MomentListener listener) {
    listeners.add(requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Runs the replay.
   *
   * @param partitions each partition's records in offset order; each is read and decoded ahead on
   *     a thread of its own
   * @param impressions impressions in time order; when there are any, they label the rows
   * @param rows receives every training row
   * @param progress receives the number of records read, now and then
   */
  public ReplaySummary run(
      List<Iterator<SourcedEvent>> partitions,
      Iterator<Impression> impressions,
      Consumer<TrainingRow> rows,
      LongConsumer progress) {
    List<ReadAhead<Judged>> judged = new ArrayList<>();
    try {
      for (int p = 0; p < partitions.size(); p++) {
        judged.add(new ReadAhead<>("replay-read-" + p, partitions.get(p), Judged::of));
      }
      return replay(judged, impressions, rows, progress);
    } finally {
      judged.forEach(ReadAhead::close);
    }
  }

  private ReplaySummary replay(
      List<ReadAhead<Judged>> partitions,
      Iterator<Impression> impressions,
      Consumer<TrainingRow> rows,
      LongConsumer progress) {
    IntakeMirror mirror = new IntakeMirror(intake);
    EventTimeMerge merge = new EventTimeMerge(partitions, mirror);
    boolean fromImpressions = impressions.hasNext();
    ImpressionLabels shown = new ImpressionLabels(labels);
    Consumer<TrainingRow> counted = row -> count(row, rows);
    Impression nextImpression = impressions.hasNext() ? impressions.next() : null;
    long accepted = 0;
    long reported = 0;
    for (List<UserEvent> group = merge.nextGroup(); !group.isEmpty(); group = merge.nextGroup()) {
      long time = group.get(0).getTimestamp().toEpochMilli();
      while (nextImpression != null && nextImpression.getTimestamp().toEpochMilli() <= time) {
        shown.shown(nextImpression, states);
        nextImpression = impressions.hasNext() ? impressions.next() : null;
      }
      for (MomentListener listener : listeners) {
        listener.before(time, group, states);
      }
      if (!fromImpressions) {
        group.forEach(event -> label(event, time, counted));
      }
      for (UserEvent event : group) {
        states.apply(event);
        if (labels.novelOnly()) {
          touched.add(pair(event));
        }
        sampler.add(event.getItemId());
        shown.acted(event);
      }
      accepted += group.size();
      if (merge.read() - reported >= PROGRESS_EVERY) {
        reported = merge.read();
        progress.accept(reported);
      }
    }
    shown.release(counted);
    progress.accept(merge.read());
    return new ReplaySummary(
        merge.read(),
        accepted,
        mirror.duplicates(),
        mirror.refused(),
        positives + negatives,
        positives,
        negatives,
        states.userCount(),
        states.itemCount(),
        fromImpressions);
  }

  /** The state every user and item reached: what the online store should hold. */
  public FeatureStates states() {
    return states;
  }

  private void label(UserEvent event, long time, Consumer<TrainingRow> rows) {
    if (!labels.labels(event.getType(), time)
        || labels.novelOnly() && touched.contains(pair(event))) {
      return;
    }
    String userId = event.getUserId();
    PairFeatures.Side user = states.userSide(userId);
    String group = event.getSessionId() != null
        ? userId + "/" + event.getSessionId()
        : userId + "/" + event.getEventId();
    rows.accept(row(group, user, userId, event.getItemId(), time, 1));
    List<String> near = hard.draw(user, event.getItemId(), labels.hardNegatives());
    for (String negative : near) {
      rows.accept(row(group, user, userId, negative, time, 0));
    }
    // Only the positive itself is excluded: items the user merely viewed stay possible
    // negatives, as they are candidates at serving time; excluding them would make "touched
    // recently" a perfect, and useless, predictor.
    Set<String> excluded = new HashSet<>(near);
    excluded.add(event.getItemId());
    for (String negative :
        sampler.sample(labels.negativesPerPositive() - near.size(), excluded, labels.sampling())) {
      rows.accept(row(group, user, userId, negative, time, 0));
    }
  }

  private TrainingRow row(
      String group, PairFeatures.Side user, String userId, String itemId, long time, int label) {
    return new TrainingRow(
        group, userId, itemId, time, label, states.pairFeatures(user, itemId, time));
  }

  private static String pair(UserEvent event) {
    return event.getUserId() + '\u0000' + event.getItemId();
  }

  private void count(TrainingRow row, Consumer<TrainingRow> rows) {
    if (row.label() == 1) {
      positives++;
    } else {
      negatives++;
    }
    rows.accept(row);
  }
}
