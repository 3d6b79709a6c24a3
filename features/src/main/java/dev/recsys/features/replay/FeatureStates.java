package dev.recsys.features.replay;

import static java.util.Objects.requireNonNull;

import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.definition.Interaction;
import dev.recsys.features.definition.ItemState;
import dev.recsys.features.definition.UserState;
import dev.recsys.features.pair.ItemVectors;
import dev.recsys.features.pair.PairFeatures;
import dev.recsys.features.stream.Interactions;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.avro.UserEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Every user's and item's feature state, advanced one accepted event at a time by the same code
 * the stream runs. The catalog is the items topic as last known, as the stream's global table is
 * once it has caught up.
 */
public final class FeatureStates {
  private final Map<String, UserState> users = new HashMap<>();
  private final Map<String, ItemState> items = new HashMap<>();
  private final Map<String, ItemUpdate> catalog;
  private final ItemVectors embeddings;
  /** Vectors built since their entity last changed: rows ask for the same ones many times. */
  private final Map<String, FeatureVector> userVectors = new HashMap<>();

  private final Map<String, FeatureVector> itemVectors = new HashMap<>();
  private final Map<String, PairFeatures.Side> itemSides = new HashMap<>();
  private long itemChanges;

  public FeatureStates(Map<String, ItemUpdate> catalog) {
    this(catalog, ItemVectors.NONE);
  }

  /**
   * @param embeddings the item vectors the taste similarity reads: the ones serving will read,
   *     trained on events before the rows labelled with them
   */
  public FeatureStates(Map<String, ItemUpdate> catalog, ItemVectors embeddings) {
    this.catalog = requireNonNull(catalog, "catalog");
    this.embeddings = requireNonNull(embeddings, "embeddings");
  }

  /**
   * Applies an accepted event to its user and its item. Duplicates are the caller's to drop, in
   * the stream's order ({@link IntakeMirror}): the states here do not judge them again.
   */
  public void apply(UserEvent event) {
    Interaction interaction = Interactions.of(event, catalog.get(event.getItemId()));
    users.computeIfAbsent(interaction.userId(), id -> new UserState()).applyAccepted(interaction);
    items.computeIfAbsent(interaction.itemId(), id -> new ItemState()).apply(interaction);
    userVectors.remove(interaction.userId());
    itemVectors.remove(interaction.itemId());
    itemSides.remove(interaction.itemId());
    itemChanges++;
  }

  /** How many times any item's state changed: a version for caches over all items. */
  public long itemChanges() {
    return itemChanges;
  }

  /** The user's vector as of their last event, or null if they have none yet. */
  public FeatureVector user(String userId) {
    FeatureVector cached = userVectors.get(userId);
    if (cached == null) {
      UserState state = users.get(userId);
      if (state == null) {
        return null;
      }
      cached = state.features(userId);
      userVectors.put(userId, cached);
    }
    return cached;
  }

  /** The item's vector as of its last event, or null if it has none yet. */
  public FeatureVector item(String itemId) {
    FeatureVector cached = itemVectors.get(itemId);
    if (cached == null) {
      ItemState state = items.get(itemId);
      if (state == null) {
        return null;
      }
      cached = state.features(itemId);
      itemVectors.put(itemId, cached);
    }
    return cached;
  }

  /** The user's side of the pair features, with their taste, as of their last event. */
  public PairFeatures.Side userSide(String userId) {
    UserState state = users.get(userId);
    return state == null
        ? PairFeatures.Side.user(null)
        : PairFeatures.Side.user(userId, state).withTaste(embeddings);
  }

  /** The pair features of {@code itemId} for the user of {@code user} at {@code time}. */
  public double[] pairFeatures(PairFeatures.Side user, String itemId, long time) {
    return PairFeatures.of(
        user, itemSide(itemId), category(itemId), embeddings.vector(itemId), time);
  }

  /** The item's side of the pair features, as of its last event (cached until it changes). */
  public PairFeatures.Side itemSide(String itemId) {
    PairFeatures.Side side = itemSides.get(itemId);
    if (side == null) {
      ItemState state = items.get(itemId);
      side = state == null
          ? PairFeatures.Side.item(null)
          : PairFeatures.Side.item(itemId, state.lastEventAt(), state.fixedValues());
      itemSides.put(itemId, side);
    }
    return side;
  }

  /** The item's category in the catalog, or null. */
  public String category(String itemId) {
    ItemUpdate item = catalog.get(itemId);
    return item == null ? null : item.getCategory();
  }

  public int userCount() {
    return users.size();
  }

  public int itemCount() {
    return items.size();
  }

  public void forEachUser(BiConsumer<String, FeatureVector> action) {
    users.keySet().forEach(id -> action.accept(id, user(id)));
  }

  public void forEachItem(BiConsumer<String, FeatureVector> action) {
    items.keySet().forEach(id -> action.accept(id, item(id)));
  }
}
