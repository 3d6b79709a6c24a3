package dev.recsys.features.store;

import static java.util.Objects.requireNonNull;

import dev.recsys.features.definition.FeatureVector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A near cache for serving: item vectors (and the trending list) are kept for {@code ttl}, so a
 * request reads from Redis only its user and the items not read lately. Users are always read
 * fresh: a user's new event must change their next answer. Items may lag by at most the TTL;
 * item features move slowly and are shared by every request, which is where the reads were.
 */
public final class ItemCachingStore implements OnlineStore {
  /** Entries beyond this are dropped wholesale: a catalog bigger than memory still works. */
  static final int MAX_ITEMS = 500_000;
  private static final FeatureVector ABSENT = null;
  private final OnlineStore store;
  private final long ttlNanos;
  private final LongSupplier nanos;
  private final Map<String, Entry> items = new ConcurrentHashMap<>();
  private volatile Trending trending = new Trending(List.of(), 0, Long.MIN_VALUE);

  public ItemCachingStore(OnlineStore store, Duration ttl, LongSupplier nanos) {
    this.store = requireNonNull(store, "store");
    this.ttlNanos = requireNonNull(ttl, "ttl").toNanos();
    this.nanos = requireNonNull(nanos, "nanos");
  }

  public static ItemCachingStore of(OnlineStore store, Duration ttl) {
    return new ItemCachingStore(store, ttl, System::nanoTime);
  }

  @Override
  public OnlineFeatures read(String userId, Collection<String> itemIds) {
    OnlineFeatures user = store.read(userId, List.of());
    return new OnlineFeatures(user.user(), readItems(itemIds));
  }

  /** From memory where fresh enough; the rest in one round trip, none when all are fresh. */
  @Override
  public Map<String, FeatureVector> readItems(Collection<String> itemIds) {
    long now = nanos.getAsLong();
    Map<String, FeatureVector> found = new HashMap<>();
    List<String> stale = new ArrayList<>();
    for (String id : itemIds) {
      Entry entry = items.get(id);
      if (entry == null || now - entry.loadedAt > ttlNanos) {
        stale.add(id);
      } else if (entry.vector != ABSENT) {
        found.put(id, entry.vector);
      }
    }
    Map<String, FeatureVector> fresh = stale.isEmpty() ? Map.of() : store.readItems(stale);
    if (items.size() + stale.size() > MAX_ITEMS) {
      items.clear();
    }
    for (String id : stale) {
      FeatureVector vector = fresh.get(id);
      items.put(id, new Entry(vector, now));
      if (vector != null) {
        found.put(id, vector);
      }
    }
    return found;
  }

  @Override
  public List<String> trending(int n) {
    long now = nanos.getAsLong();
    Trending cached = trending;
    if (cached.n >= n && now - cached.loadedAt <= ttlNanos) {
      return cached.ids.subList(0, Math.min(n, cached.ids.size()));
    }
    List<String> ids = store.trending(n);
    trending = new Trending(ids, n, now);
    return ids;
  }

  @Override
  public void write(List<FeatureVector> vectors) {
    store.write(vectors);
  }

  @Override
  public void forEachUserId(Consumer<String> action) {
    store.forEachUserId(action);
  }

  /** The wrapped store stays its owner's to close. */
  @Override
  public void close() {}

  private record Entry(FeatureVector vector, long loadedAt) {}

  private record Trending(List<String> ids, int n, long loadedAt) {}
}
