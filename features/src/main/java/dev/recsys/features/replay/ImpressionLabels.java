package dev.recsys.features.replay;

import dev.recsys.features.pair.PairFeatures;
import dev.recsys.schemas.avro.Impression;
import dev.recsys.schemas.avro.ImpressionItem;
import dev.recsys.schemas.avro.UserEvent;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Labels from what was shown: every item of an impression becomes a row with the features as of
 * just before the impression, labelled 1 once an event of a positive type names the impression's
 * request and that item, else 0. Rows are released at the end of the replay.
 */
final class ImpressionLabels {
  private final LabelPolicy policy;
  private final Map<String, Map<String, TrainingRow>> pending = new LinkedHashMap<>();

  ImpressionLabels(LabelPolicy policy) {
    this.policy = policy;
  }

  void shown(Impression impression, FeatureStates states) {
    long time = impression.getTimestamp().toEpochMilli();
    if (!policy.within(time)) {
      return;
    }
    String user = impression.getUserId();
    Map<String, TrainingRow> rows = new HashMap<>();
    PairFeatures.Side userSide = states.userSide(user);
    for (ImpressionItem item : impression.getItems()) {
      String id = item.getItemId();
      rows.putIfAbsent(
          id,
          new TrainingRow(
              impression.getRequestId(),
              user,
              id,
              time,
              0,
              states.pairFeatures(userSide, id, time)));
    }
    pending.put(impression.getRequestId(), rows);
  }

  void acted(UserEvent event) {
    if (event.getRequestId() == null || !policy.positives().contains(event.getType())) {
      return;
    }
    Map<String, TrainingRow> rows = pending.get(event.getRequestId());
    TrainingRow row = rows == null ? null : rows.get(event.getItemId());
    if (row != null && row.userId().equals(event.getUserId())) {
      rows.put(
          row.itemId(),
          new TrainingRow(
              row.groupId(), row.userId(), row.itemId(), row.timestamp(), 1, row.features()));
    }
  }

  void release(Consumer<TrainingRow> sink) {
    pending.values().forEach(rows -> rows.values().forEach(sink));
    pending.clear();
  }
}
