package dev.recsys.features.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OnlineStoreConfigTest {
  @Test
  void shouldHideThePasswordOfARedisUriButKeepWhereItPoints() {
    assertThat(OnlineStoreConfig.redact("redis://:s3cret@cache:6379/0"))
        .isEqualTo("redis://***@cache:6379/0");
    assertThat(OnlineStoreConfig.redact("rediss://app:s3cret@cache.example.com:6380"))
        .isEqualTo("rediss://***@cache.example.com:6380");
    assertThat(OnlineStoreConfig.redact("redis://127.0.0.1:6379"))
        .isEqualTo("redis://127.0.0.1:6379");
  }
}
