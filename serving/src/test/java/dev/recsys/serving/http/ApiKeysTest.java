package dev.recsys.serving.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeysTest {
  @Test
  void shouldMatchOnlyTheExactKeyWhateverItsLength() {
    byte[] expected = ApiKeys.sha256("s3cret-key");

    assertThat(ApiKeys.matches(expected, "s3cret-key")).isTrue();
    assertThat(ApiKeys.matches(expected, "s3cret-kez")).isFalse();
    assertThat(ApiKeys.matches(expected, "s3cret")).isFalse();
    assertThat(ApiKeys.matches(expected, "s3cret-key ")).isFalse();
    assertThat(ApiKeys.matches(expected, "")).isFalse();
  }

  @Test
  void shouldNeverShowAKeyInItsDescription() {
    ApiKeys keys = new ApiKeys(Optional.of("ingest-secret"), Optional.of("admin-secret"));

    assertThat(keys.toString())
        .isEqualTo("ApiKeys[ingest=set, admin=set]")
        .doesNotContain("secret");
  }
}
