package dev.recsys.features.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ItemCachingStoreTest {
  private final InMemoryOnlineStore backing = new InMemoryOnlineStore();
  private final AtomicLong now = new AtomicLong();
  private final ItemCachingStore cache =
      new ItemCachingStore(backing, Duration.ofSeconds(1), now::get);

  @Test
  void shouldServeItemsFromMemoryWithinTheTtlAndUsersAlwaysFresh() {
    backing.write(List.of(OnlineStoreContract.item("i1", 0.1),
        OnlineStoreContract.user("u1", Map.of("user.click_1h", 1.0))));
    assertThat(cache.read("u1", List.of("i1")).items().get("i1").get("item.ctr_7d"))
        .isEqualTo(0.1);

    backing.write(List.of(OnlineStoreContract.item("i1", 0.9),
        OnlineStoreContract.user("u1", Map.of("user.click_1h", 2.0))));
    now.addAndGet(Duration.ofMillis(999).toNanos());
    OnlineFeatures soon = cache.read("u1", List.of("i1"));
    assertThat(soon.items().get("i1").get("item.ctr_7d")).as("cached").isEqualTo(0.1);
    assertThat(soon.user().orElseThrow().get("user.click_1h")).as("fresh").isEqualTo(2.0);

    now.addAndGet(Duration.ofMillis(2).toNanos());
    assertThat(cache.read("u1", List.of("i1")).items().get("i1").get("item.ctr_7d"))
        .as("expired").isEqualTo(0.9);
  }

  @Test
  void shouldRememberAbsentItems() {
    backing.write(List.of(OnlineStoreContract.item("i2", 0.2),
        OnlineStoreContract.item("i1", 0.1)));
    OnlineFeatures first = cache.read("u", List.of("i1", "missing", "i2"));
    backing.write(List.of(OnlineStoreContract.item("missing", 0.5)));
    OnlineFeatures second = cache.read("u", List.of("i2", "missing", "i1"));

    assertThat(first.items().keySet()).containsOnly("i1", "i2");
    assertThat(second.items().keySet()).as("absence is cached too").containsOnly("i2", "i1");
  }
}
