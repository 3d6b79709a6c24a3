package dev.recsys.features.definition;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How one kind of entity keeps its state: which entity an interaction updates, how the state
 * changes, what features it yields and how it is stored. The stream and replay both use these.
 */
public record EntityModel<S>(
    Supplier<S> emptyState,
    Function<Interaction, String> entity,
    BiPredicate<S, Interaction> update,
    BiFunction<S, String, FeatureValues> values,
    StateWriter<S> writer,
    StateReader<S> reader) {

  /** Items: keyed by item id. */
  public static final EntityModel<ItemState> ITEMS = new EntityModel<>(
      ItemState::new,
      Interaction::itemId,
      ItemState::apply,
      ItemState::values,
      ItemState::write,
      ItemState::read);

  /** Users, keyed by user id: an event id seen within {@code dedupeHorizon} is not applied. */
  public static EntityModel<UserState> users(Duration dedupeHorizon) {
    return new EntityModel<>(
        () -> new UserState(dedupeHorizon),
        Interaction::userId,
        UserState::apply,
        UserState::values,
        UserState::write,
        in -> UserState.read(in, dedupeHorizon));
  }

  public S empty() {
    return emptyState.get();
  }

  /** The entity an interaction updates. */
  public String entityOf(Interaction interaction) {
    return entity.apply(interaction);
  }

  /** @return false, changing nothing, if the state had already applied this event */
  public boolean apply(S state, Interaction interaction) {
    return update.test(state, interaction);
  }

  public FeatureValues values(S state, String entityId) {
    return values.apply(state, entityId);
  }

  public void write(S state, DataOutput out) throws IOException {
    writer.write(state, out);
  }

  public S read(DataInput in) throws IOException {
    return reader.read(in);
  }

  /** Writes a state's bytes. */
  @FunctionalInterface
  public interface StateWriter<S> {
    void write(S state, DataOutput out) throws IOException;
  }

  /** Reads a state from its bytes. */
  @FunctionalInterface
  public interface StateReader<S> {
    S read(DataInput in) throws IOException;
  }
}
