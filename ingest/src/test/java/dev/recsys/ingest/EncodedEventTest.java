package dev.recsys.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recsys.schemas.Codecs;
import dev.recsys.schemas.avro.EventType;
import dev.recsys.schemas.avro.UserEvent;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncodedEventTest {
  @Test
  void packedEventComesBackWithItsKeyTimeAndBytes() {
    UserEvent event = UserEvent.newBuilder()
        .setEventId("e-1")
        .setUserId("ユーザー-7")
        .setItemId("i-9")
        .setType(EventType.RATING)
        .setValue(4.5)
        .setTimestamp(Instant.ofEpochMilli(1_500_000_000_123L))
        .setContext(Map.of("device", "web"))
        .build();
    EncodedEvent encoded = EncodedEvent.of(event);

    EncodedEvent back = EncodedEvent.unpack(encoded.timestamp(), encoded.pack());

    assertThat(back.userId()).isEqualTo("ユーザー-7");
    assertThat(back.timestamp()).isEqualTo(1_500_000_000_123L);
    assertThat(Codecs.USER_EVENT.decode(back.avro())).isEqualTo(event);
  }
}
