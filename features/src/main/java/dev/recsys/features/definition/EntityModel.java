package dev.recsys.features.definition;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** How one kind of entity keeps its state; the stream and replay both go through this. */
public interface EntityModel<S> {
  S empty();

  /** The entity an interaction updates. */
  String entityOf(Interaction interaction);

  void apply(S state, Interaction interaction);

  FeatureVector features(S state, String entityId);

  void write(S state, DataOutput out) throws IOException;

  S read(DataInput in) throws IOException;

  /** Users: keyed by user id. */
  EntityModel<UserState> USERS = new EntityModel<>() {
    @Override
    public UserState empty() {
      return new UserState();
    }

    @Override
    public String entityOf(Interaction interaction) {
      return interaction.userId();
    }

    @Override
    public void apply(UserState state, Interaction interaction) {
      state.apply(interaction);
    }

    @Override
    public FeatureVector features(UserState state, String entityId) {
      return state.features(entityId);
    }

    @Override
    public void write(UserState state, DataOutput out) throws IOException {
      state.write(out);
    }

    @Override
    public UserState read(DataInput in) throws IOException {
      return UserState.read(in);
    }
  };

  /** Items: keyed by item id. */
  EntityModel<ItemState> ITEMS = new EntityModel<>() {
    @Override
    public ItemState empty() {
      return new ItemState();
    }

    @Override
    public String entityOf(Interaction interaction) {
      return interaction.itemId();
    }

    @Override
    public void apply(ItemState state, Interaction interaction) {
      state.apply(interaction);
    }

    @Override
    public FeatureVector features(ItemState state, String entityId) {
      return state.features(entityId);
    }

    @Override
    public void write(ItemState state, DataOutput out) throws IOException {
      state.write(out);
    }

    @Override
    public ItemState read(DataInput in) throws IOException {
      return ItemState.read(in);
    }
  };
}
