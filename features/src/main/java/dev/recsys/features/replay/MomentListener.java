package dev.recsys.features.replay;

import dev.recsys.schemas.avro.UserEvent;
import java.util.List;

/**
 * Sees each moment of a replay just before its events are applied, so the states it is shown hold
 * exactly the events strictly before {@code time}: the view a request at that moment would have.
 */
@FunctionalInterface
public interface MomentListener {
  void before(long time, List<UserEvent> events, FeatureStates states);
}
