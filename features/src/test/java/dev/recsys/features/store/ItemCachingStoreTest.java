package dev.recsys.features.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recsys.features.definition.FeatureVector;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ItemCachingStoreTest {
  private final InMemoryOnlineStore backing = new InMemoryOnlineStore();
  private final AtomicLong now = new AtomicLong();
  private final AtomicBoolean fed = new AtomicBoolean();
  private final ItemCachingStore cache =
      new ItemCachingStore(backing, Duration.ofSeconds(1), now::get, fed::get);

  @Test
  void shouldServeItemsFromMemoryWithinTheTtlAndUsersAlwaysFresh() {
    backing.write(List.of(
        OnlineStoreContract.item("i1", 0.1),
        OnlineStoreContract.user("u1", Map.of("user.click_1h", 1.0))));
    assertThat(cache.read("u1", List.of("i1")).items().get("i1").get("item.ctr_7d"))
        .isEqualTo(0.1);

    backing.write(List.of(
        OnlineStoreContract.item("i1", 0.9),
        OnlineStoreContract.user("u1", Map.of("user.click_1h", 2.0))));
    now.addAndGet(Duration.ofMillis(999).toNanos());
    OnlineFeatures soon = cache.read("u1", List.of("i1"));
    assertThat(soon.items().get("i1").get("item.ctr_7d")).as("cached").isEqualTo(0.1);
    assertThat(soon.user().orElseThrow().get("user.click_1h")).as("fresh").isEqualTo(2.0);

    now.addAndGet(Duration.ofMillis(2).toNanos());
    assertThat(cache.read("u1", List.of("i1")).items().get("i1").get("item.ctr_7d"))
        .as("expired")
        .isEqualTo(0.9);
  }

  @Test
  void shouldRememberAbsentItems() {
    backing.write(
        List.of(OnlineStoreContract.item("i2", 0.2), OnlineStoreContract.item("i1", 0.1)));
    OnlineFeatures first = cache.read("u", List.of("i1", "missing", "i2"));
    backing.write(List.of(OnlineStoreContract.item("missing", 0.5)));
    OnlineFeatures second = cache.read("u", List.of("i2", "missing", "i1"));

    assertThat(first.items().keySet()).containsOnly("i1", "i2");
    assertThat(second.items().keySet()).as("absence is cached too").containsOnly("i2", "i1");
  }

  @Test
  void shouldKeepFedItemsUntilTheLogChangesThemAndExpireThemWhenTheFeedIsBehind() {
    backing.write(List.of(OnlineStoreContract.item("i1", 0.1)));
    fed.set(true);
    assertThat(ctr(cache, "i1")).isEqualTo(0.1);

    backing.write(List.of(OnlineStoreContract.item("i1", 0.2)));
    now.addAndGet(Duration.ofMinutes(10).toNanos());
    assertThat(ctr(cache, "i1")).as("fed and caught up: no expiry").isEqualTo(0.1);

    cache.accept(OnlineStoreContract.item("i1", 0.3));
    cache.accept(OnlineStoreContract.item("new", 0.4));
    assertThat(ctr(cache, "i1")).as("the log's change").isEqualTo(0.3);
    assertThat(ctr(cache, "new")).as("an item first seen in the log").isEqualTo(0.4);

    fed.set(false);
    now.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(ctr(cache, "i1")).as("feed behind: expired, read again").isEqualTo(0.2);
  }

  @Test
  void shouldNeverLetASlowReadPutBackAValueOlderThanTheLogs() {
    fed.set(true);
    AtomicReference<ItemCachingStore> self = new AtomicReference<>();
    backing.write(List.of(OnlineStoreContract.item("i1", 0.1)));
    OnlineStore slow = new OnlineStore() {
      @Override
      public OnlineFeatures read(String userId, Collection<String> itemIds) {
        OnlineFeatures read = backing.read(userId, itemIds);
        // The log delivers a newer vector while this read is on its way back.
        self.get().accept(OnlineStoreContract.item("i1", 0.9));
        return read;
      }

      @Override
      public void write(List<FeatureVector> vectors) {
        backing.write(vectors);
      }

      @Override
      public List<String> trending(int n) {
        return backing.trending(n);
      }

      @Override
      public void forEachUserId(Consumer<String> action) {
        backing.forEachUserId(action);
      }

      @Override
      public void close() {}
    };
    ItemCachingStore racing = new ItemCachingStore(slow, Duration.ofSeconds(1), now::get, fed::get);
    self.set(racing);

    assertThat(ctr(racing, "i1")).as("the read answers with the newer value").isEqualTo(0.9);
    assertThat(ctr(racing, "i1")).as("and keeps it").isEqualTo(0.9);
  }

  @Test
  void shouldAnswerAsyncReadsFromMemoryAtOnceAndFillGapsFromTheStore() {
    backing.write(List.of(
        OnlineStoreContract.item("i1", 0.1),
        OnlineStoreContract.item("i2", 0.2),
        OnlineStoreContract.user("u1", Map.of("user.click_1h", 1.0))));
    fed.set(true);
    var first = cache.readAsync("u1", List.of("i1")).join();
    assertThat(first.user().orElseThrow().get("user.click_1h")).isEqualTo(1.0);
    assertThat(first.items().get("i1").get("item.ctr_7d")).isEqualTo(0.1);

    backing.write(List.of(OnlineStoreContract.item("i1", 0.5)));
    var fromMemory = cache.readItemsAsync(List.of("i1"));
    assertThat(fromMemory).as("nothing to wait for").isDone();
    assertThat(fromMemory.join().get("i1").get("item.ctr_7d")).isEqualTo(0.1);
    assertThat(cache.readItemsAsync(List.of("i1", "i2", "none")).join())
        .containsOnlyKeys("i1", "i2");
  }

  @Test
  void shouldCacheOnlyItems() {
    assertThatThrownBy(() -> cache.accept(OnlineStoreContract.user("u1", Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only item vectors");
  }

  private static double ctr(ItemCachingStore store, String item) {
    return store.readItems(List.of(item)).get(item).get("item.ctr_7d");
  }
}
