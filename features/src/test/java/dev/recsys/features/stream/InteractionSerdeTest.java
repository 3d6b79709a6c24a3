package dev.recsys.features.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recsys.features.definition.Interaction;
import dev.recsys.schemas.avro.EventType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class InteractionSerdeTest {
  private final Serde<Interaction> serde = InteractionSerde.serde();

  @Test
  void shouldRoundTripEveryFieldWithAndWithoutTheOptionalOnes() {
    for (Interaction interaction : new Interaction[] {
      new Interaction("e1", "u1", "i1", EventType.PURCHASE, 2.5, 1_622_505_601_000L, "s1", "books"),
      new Interaction("é-ü", "ユーザー", "i2", EventType.VIEW, 1.0, -5, null, null),
      new Interaction("e3", "u3", "i3", EventType.RATING, 4.0, 0, "", "")
    }) {
      byte[] bytes = serde.serializer().serialize("t", interaction);
      assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(interaction);
    }
  }

  @Test
  void shouldReadAnEventTypeItDoesNotKnowAsUnknown() {
    byte[] bytes = serde
        .serializer()
        .serialize("t", new Interaction("e1", "u1", "i1", EventType.SHARE, 1.0, 0, null, null));
    byte[] renamed = new String(bytes, StandardCharsets.ISO_8859_1)
        .replace("SHARE", "SHORE")
        .getBytes(StandardCharsets.ISO_8859_1);

    assertThat(serde.deserializer().deserialize("t", renamed).type()).isEqualTo(EventType.UNKNOWN);
  }

  @Test
  void shouldNameTheTopicAndTheProblemForForeignOrTruncatedBytes() {
    byte[] bytes = serde
        .serializer()
        .serialize("t", new Interaction("e1", "u1", "i1", EventType.VIEW, 1.0, 0, null, null));
    byte[] foreign = bytes.clone();
    foreign[0] = 9;

    assertThatThrownBy(() -> serde.deserializer().deserialize("by-item", foreign))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("by-item")
        .hasMessageContaining("format 9");
    assertThatThrownBy(() ->
            serde.deserializer().deserialize("by-item", Arrays.copyOf(bytes, bytes.length - 3)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("corrupt interaction on by-item");
    assertThatThrownBy(() ->
            serde.deserializer().deserialize("by-item", Arrays.copyOf(bytes, bytes.length + 2)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("2 bytes past the last field");
    byte[] longString = bytes.clone();
    longString[1] = 0x7F;
    assertThatThrownBy(() -> serde.deserializer().deserialize("by-item", longString))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("a string of 126 bytes");
  }
}
