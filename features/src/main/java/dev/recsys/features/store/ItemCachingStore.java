package dev.recsys.features.store;

import static java.util.Objects.requireNonNull;

import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.definition.FeatureVector.EntityKind;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A near cache for serving: item vectors (and the trending list) are kept in memory, so a request
 * reads from Redis only its user and the items it is the first to need. Users are always read
 * fresh: a user's new event must change their next answer.
 *
 * <p>Items stay fresh one of two ways. Fed: a follower of the feature log hands every item change
 * to {@link #accept}, and while it reports itself caught up ({@code fedFresh}) an item read once
 * is never read again; the log, not a timer, says when it changed. Unfed, or while the follower
 * is behind or cut off, an item is read again once it is older than {@code ttl}.
 *
 * <p>A change from the log always replaces what is kept; a read from Redis only fills a gap or
 * replaces the entry it found stale, so a slow read can never put back a value older than one the
 * log already delivered.
 */
public final class ItemCachingStore implements OnlineStore {
  /** Entries beyond this are dropped wholesale: a catalog bigger than memory still works. */
  static final int MAX_ITEMS = 500_000;

  private static final FeatureVector ABSENT = null;
  private final OnlineStore store;
  private final long ttlNanos;
  private final LongSupplier nanos;
  private final BooleanSupplier fedFresh;
  private final Map<String, Entry> items = new ConcurrentHashMap<>();
  private volatile Trending trending = new Trending(List.of(), 0, Long.MIN_VALUE);

  /**
   * @param fedFresh whether {@link #accept} is being handed every item change as it happens;
   *     while false, kept items expire after {@code ttl}
   */
  public ItemCachingStore(
      OnlineStore store, Duration ttl, LongSupplier nanos, BooleanSupplier fedFresh) {
    this.store = requireNonNull(store, "store");
    this.ttlNanos = requireNonNull(ttl, "ttl").toNanos();
    this.nanos = requireNonNull(nanos, "nanos");
    this.fedFresh = requireNonNull(fedFresh, "fedFresh");
  }

  /** An item's new vector from the feature log; replaces whatever is kept. */
  public void accept(FeatureVector item) {
    if (item.kind() != EntityKind.ITEM) {
      throw new IllegalArgumentException(
          "only item vectors are cached, got " + item.kind() + " " + item.id());
    }
    if (items.size() >= MAX_ITEMS) {
      items.clear();
    }
    items.put(item.id(), new Entry(item, nanos.getAsLong()));
  }

  @Override
  public OnlineFeatures read(String userId, Collection<String> itemIds) {
    OnlineFeatures user = store.read(userId, List.of());
    return new OnlineFeatures(user.user(), readItems(itemIds));
  }

  /** From memory where fresh enough; the rest in one round trip, none when all are fresh. */
  @Override
  public Map<String, FeatureVector> readItems(Collection<String> itemIds) {
    Lookup lookup = lookup(itemIds);
    return lookup.stale.isEmpty()
        ? lookup.found
        : keep(lookup, store.readItems(lookup.stale.keySet()));
  }

  @Override
  public CompletableFuture<OnlineFeatures> readAsync(String userId, Collection<String> itemIds) {
    return store
        .readAsync(userId, List.of())
        .thenCombine(
            readItemsAsync(itemIds), (user, items) -> new OnlineFeatures(user.user(), items));
  }

  /** Complete at once when every item is in memory and fresh enough. */
  @Override
  public CompletableFuture<Map<String, FeatureVector>> readItemsAsync(Collection<String> itemIds) {
    Lookup lookup = lookup(itemIds);
    return lookup.stale.isEmpty()
        ? CompletableFuture.completedFuture(lookup.found)
        : store.readItemsAsync(lookup.stale.keySet()).thenApply(fresh -> keep(lookup, fresh));
  }

  /** What memory holds fresh enough, and the entries (null: none) to read again. */
  private record Lookup(Map<String, FeatureVector> found, Map<String, Entry> stale, long now) {}

  private Lookup lookup(Collection<String> itemIds) {
    long now = nanos.getAsLong();
    boolean fed = fedFresh.getAsBoolean();
    Map<String, FeatureVector> found = new HashMap<>();
    Map<String, Entry> stale = new HashMap<>();
    for (String id : itemIds) {
      Entry entry = items.get(id);
      if (entry == null || !fed && now - entry.loadedAt > ttlNanos) {
        stale.put(id, entry);
      } else if (entry.vector != ABSENT) {
        found.put(id, entry.vector);
      }
    }
    return new Lookup(found, stale, now);
  }

  /** Keeps what was read unless the log replaced the entry meanwhile; returns every item found. */
  private Map<String, FeatureVector> keep(Lookup lookup, Map<String, FeatureVector> fresh) {
    if (items.size() + lookup.stale.size() > MAX_ITEMS) {
      items.clear();
    }
    Map<String, FeatureVector> found = lookup.found;
    lookup.stale.forEach((id, old) -> {
      Entry read = new Entry(fresh.get(id), lookup.now);
      boolean kept =
          old == null ? items.putIfAbsent(id, read) == null : items.replace(id, old, read);
      FeatureVector vector = kept ? read.vector : items.getOrDefault(id, read).vector;
      if (vector != null) {
        found.put(id, vector);
      }
    });
    return found;
  }

  @Override
  public List<String> trending(int n) {
    List<String> cached = cachedTrending(n);
    return cached != null ? cached : remember(store.trending(n), n);
  }

  @Override
  public CompletableFuture<List<String>> trendingAsync(int n) {
    List<String> cached = cachedTrending(n);
    return cached != null
        ? CompletableFuture.completedFuture(cached)
        : store.trendingAsync(n).thenApply(ids -> remember(ids, n));
  }

  /** The kept list's first n if it is fresh and long enough, else null. */
  private List<String> cachedTrending(int n) {
    Trending cached = trending;
    if (cached.n >= n && nanos.getAsLong() - cached.loadedAt <= ttlNanos) {
      return cached.ids.subList(0, Math.min(n, cached.ids.size()));
    }
    return null;
  }

  private List<String> remember(List<String> ids, int n) {
    trending = new Trending(ids, n, nanos.getAsLong());
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

  @Override
  public List<String> someUserIds(int n) {
    return store.someUserIds(n);
  }

  /** The wrapped store stays its owner's to close. */
  @Override
  public void close() {}

  /** Compared by identity: a stale entry is replaced only if it is still the one kept. */
  private static final class Entry {
    final FeatureVector vector;
    final long loadedAt;

    Entry(FeatureVector vector, long loadedAt) {
      this.vector = vector;
      this.loadedAt = loadedAt;
    }
  }

  private record Trending(List<String> ids, int n, long loadedAt) {}
}
