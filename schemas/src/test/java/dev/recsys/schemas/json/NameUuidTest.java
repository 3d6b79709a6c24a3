package dev.recsys.schemas.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NameUuidTest {
  @Test
  void givesTheIdsOfTheJdk() {
    Random random = new Random(3);
    for (int i = 0; i < 10_000; i++) {
      byte[] name = new byte[random.nextInt(200)];
      random.nextBytes(name);
      assertThat(NameUuid.of(name)).isEqualTo(UUID.nameUUIDFromBytes(name));
    }
  }
}
