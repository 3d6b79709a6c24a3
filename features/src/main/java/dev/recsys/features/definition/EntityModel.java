package dev.recsys.features.definition;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How one kind of entity keeps its state: which entity an interaction updates, how the state
 * changes, what features it yields and how it is stored. The stream and replay both use these.
 */
public record EntityModel<S>(Supplier<S> emptyState, Function<Interaction, String> entity,
    BiConsumer<S, Interaction> update, BiFunction<S, String, FeatureVector> vector,
    StateWriter<S> writer, StateReader<S> reader) {

  /** Users: keyed by user id. */
  public static final EntityModel<UserState> USERS = new EntityModel<>(UserState::new,
      Interaction::userId, UserState::apply, UserState::features, UserState::write,
      UserState::read);

  /** Items: keyed by item id. */
  public static final EntityModel<ItemState> ITEMS = new EntityModel<>(ItemState::new,
      Interaction::itemId, ItemState::apply, ItemState::features, ItemState::write,
      ItemState::read);

  public S empty() {
    return emptyState.get();
  }

  /** The entity an interaction updates. */
  public String entityOf(Interaction interaction) {
    return entity.apply(interaction);
  }

  public void apply(S state, Interaction interaction) {
    update.accept(state, interaction);
  }

  public FeatureVector features(S state, String entityId) {
    return vector.apply(state, entityId);
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
