package dev.recsys.features.replay;

import static java.util.Objects.requireNonNull;

import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.definition.Trending;
import dev.recsys.features.store.OnlineFeatures;
import dev.recsys.features.store.OnlineStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A replay's states seen through the online store's interface, read-only: what Redis would have
 * answered at the replay's current moment. Offline evaluation runs the serving pipeline on it.
 * Reads are serialised: the states cache vectors as they are read.
 */
public final class ReplayedOnlineStore implements OnlineStore {
  private final FeatureStates states;
  private final List<FeatureVector> items = new ArrayList<>();
  private long trendingVersion = -1;
  private List<String> trending = List.of();

  public ReplayedOnlineStore(FeatureStates states) {
    this.states = requireNonNull(states, "states");
  }

  @Override
  public void write(List<FeatureVector> vectors) {
    throw new UnsupportedOperationException("a replayed store is read-only; replay writes it");
  }

  @Override
  public synchronized OnlineFeatures read(String userId, Collection<String> itemIds) {
    Map<String, FeatureVector> found = new LinkedHashMap<>();
    for (String id : itemIds) {
      FeatureVector item = states.item(id);
      if (item != null) {
        found.put(id, item);
      }
    }
    return new OnlineFeatures(Optional.ofNullable(states.user(userId)), found);
  }

  /** Ranked afresh only when some item changed since the last call. */
  @Override
  public synchronized List<String> trending(int n) {
    if (trendingVersion != states.itemChanges()) {
      items.clear();
      states.forEachItem((id, vector) -> items.add(vector));
      trending = items.stream()
          .filter(v -> Trending.rank(v) > Double.NEGATIVE_INFINITY)
          .sorted(Comparator.comparingDouble(Trending::rank)
              .reversed()
              .thenComparing(FeatureVector::id))
          .map(FeatureVector::id)
          .toList();
      trendingVersion = states.itemChanges();
    }
    return trending.subList(0, Math.min(n, trending.size()));
  }

  @Override
  public synchronized void forEachUserId(Consumer<String> action) {
    states.forEachUser((id, vector) -> action.accept(id));
  }

  @Override
  public void close() {}
}
