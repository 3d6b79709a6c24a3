package dev.recsys.schemas.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recsys.schemas.avro.EventType;
import dev.recsys.schemas.avro.UserEvent;
import dev.recsys.schemas.validation.Violation;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Parsed<UserEvent> read(String json) throws Exception {
    return EventJson.read(JSON.readTree(json));
  }

  @Test
  void shouldReadAFullEvent() throws Exception {
    Parsed<UserEvent> parsed = read("""
        {"event_id":"e1","user_id":"u1","item_id":"i1","type":"add_to_cart","value":2,
         "timestamp":"2021-06-01T00:00:01Z","session_id":"s1","context":{"device":"ios"},
         "request_id":"r9"}""");

    UserEvent event = ((Parsed.Ok<UserEvent>) parsed).value();
    assertThat(event.getType()).isEqualTo(EventType.ADD_TO_CART);
    assertThat(event.getValue()).isEqualTo(2.0);
    assertThat(event.getTimestamp()).isEqualTo(Instant.parse("2021-06-01T00:00:01Z"));
    assertThat(event.getContext()).containsEntry("device", "ios");
    assertThat(event.getRequestId()).isEqualTo("r9");
  }

  @Test
  void shouldDeriveAStableEventIdWhenItIsMissing() throws Exception {
    String json = "{\"user_id\":\"u1\",\"item_id\":\"i1\",\"type\":\"view\","
        + "\"timestamp\":1622505601000}";
    UserEvent first = ((Parsed.Ok<UserEvent>) read(json)).value();
    UserEvent second = ((Parsed.Ok<UserEvent>) read(json)).value();
    assertThat(first.getEventId()).isNotBlank().isEqualTo(second.getEventId());
    assertThat(first.getValue()).isEqualTo(1.0);
  }

  @Test
  void shouldNameEveryBadFieldAtOnce() throws Exception {
    Parsed<UserEvent> parsed = read("""
        {"user_id":7,"type":"clik","timestamp":"yesterday","usr":"x"}""");

    assertThat(((Parsed.Rejected<UserEvent>) parsed).violations())
        .extracting(Violation::field)
        .containsExactlyInAnyOrder("usr", "user_id", "item_id", "type", "timestamp");
    assertThat(((Parsed.Rejected<UserEvent>) parsed).violations())
        .filteredOn(v -> v.field().equals("type"))
        .singleElement()
        .satisfies(v -> assertThat(v.reason()).contains("'clik'").contains("add_to_cart"));
  }

  @Test
  void shouldRequireATimestamp() throws Exception {
    Parsed<UserEvent> parsed = read("{\"user_id\":\"u\",\"item_id\":\"i\",\"type\":\"view\"}");
    assertThat(((Parsed.Rejected<UserEvent>) parsed).violations())
        .containsExactly(new Violation("timestamp", "is required"));
  }

  @Test
  void shouldRequireATimestampThatIsNull() throws Exception {
    // Was a NullPointerException (an HTTP 500) when the event also had no event_id.
    Parsed<UserEvent> parsed =
        read("{\"user_id\":\"u\",\"item_id\":\"i\",\"type\":\"view\",\"timestamp\":null}");
    assertThat(((Parsed.Rejected<UserEvent>) parsed).violations())
        .containsExactly(new Violation("timestamp", "is required"));
  }

  @Test
  void shouldWriteWhatItReads() throws Exception {
    String json = "{\"event_id\":\"e1\",\"user_id\":\"u1\",\"item_id\":\"i1\",\"type\":"
        + "\"purchase\",\"value\":1.0,\"timestamp\":1622505601000,\"session_id\":\"s1\","
        + "\"context\":{\"a\":\"b\"}}";
    UserEvent event = ((Parsed.Ok<UserEvent>) read(json)).value();
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = JSON.getFactory().createGenerator(out)) {
      EventJson.write(event, generator);
    }
    JsonNode written = JSON.readTree(out.toString());
    assertThat(written).isEqualTo(JSON.readTree(json));
  }
}
