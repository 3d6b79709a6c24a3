package dev.recsys.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recsys.schemas.avro.EventType;
import dev.recsys.schemas.avro.FeatureUpdate;
import dev.recsys.schemas.avro.Impression;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.avro.UserEvent;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaEvolutionTest {

  static List<Object[]> contracts() {
    return List.of(
        new Object[] {"UserEvent", UserEvent.getClassSchema()},
        new Object[] {"ItemUpdate", ItemUpdate.getClassSchema()},
        new Object[] {"Impression", Impression.getClassSchema()},
        new Object[] {"FeatureUpdate", FeatureUpdate.getClassSchema()});
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void shouldReleaseTheCurrentSchemaAsTheLatestHistoryVersion(String name, Schema current) {
    List<Schema> released = SchemaHistory.released(name);
    long latest = SchemaNormalization.parsingFingerprint64(released.get(released.size() - 1));
    assertThat(latest)
        .as(
            "src/main/avro/%s.avsc changed: copy it to history/%s.v%d.avsc (never edit a "
                + "released version)",
            name, name, released.size() + 1)
        .isEqualTo(SchemaNormalization.parsingFingerprint64(current));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void shouldReadEveryReleasedVersionWithTheCurrentSchema(String name, Schema current) {
    for (Schema writer : SchemaHistory.released(name)) {
      SchemaCompatibilityType result =
          SchemaCompatibility.checkReaderWriterCompatibility(current, writer).getType();
      assertThat(result)
          .as("%s cannot read %s", name, writer)
          .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }
  }

  @Test
  void shouldDecodeAVersionOneEventWrittenBeforeRequestIdExisted() throws Exception {
    Schema v1 = SchemaHistory.released("UserEvent").get(0);
    assertThat(v1.getField("request_id")).isNull();
    GenericRecord old = new GenericData.Record(v1);
    old.put("event_id", "e-1");
    old.put("user_id", "u-1");
    old.put("item_id", "i-1");
    old.put("type", new GenericData.EnumSymbol(v1.getField("type").schema(), "PURCHASE"));
    old.put("value", 2.0);
    old.put("timestamp", 1_700_000_000_000L);
    old.put("session_id", "s-1");
    old.put("context", Map.of("device", "web"));
    ByteBuffer bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old);
    byte[] payload = new byte[bytes.remaining()];
    bytes.get(payload);

    UserEvent event = Codecs.USER_EVENT.decode(payload);

    assertThat(event.getEventId()).isEqualTo("e-1");
    assertThat(event.getType()).isEqualTo(EventType.PURCHASE);
    assertThat(event.getValue()).isEqualTo(2.0);
    assertThat(event.getTimestamp()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
    assertThat(event.getContext()).containsEntry("device", "web");
    assertThat(event.getRequestId()).isNull();
  }
}
