package dev.recsys.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recsys.embedded.EmbeddedKafka;
import dev.recsys.ingest.EventPublisher;
import dev.recsys.ingest.PublisherConfig;
import dev.recsys.ingest.http.IngestLimits;
import dev.recsys.schemas.Codecs;
import dev.recsys.schemas.Topics;
import dev.recsys.serving.http.HttpConfig;
import dev.recsys.testkit.EmbeddedRuntimeExtension;
import dev.recsys.testkit.KafkaProbe;
import dev.recsys.testkit.TestClocks;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedRuntimeExtension.class)
class IngestApiIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EVENT = "{\"user_id\":\"u%d\",\"item_id\":\"i1\",\"type\":\"view\","
      + "\"timestamp\":\"2021-06-01T00:00:00Z\"}";
  private final EmbeddedKafka kafka;
  private final HttpClient http = HttpClient.newHttpClient();
  private Topics topics;
  private EventPublisher publisher;
  private ServingApp app;

  IngestApiIT(EmbeddedKafka kafka) {
    this.kafka = kafka;
  }

  @BeforeEach
  void start(TestInfo info) {
    topics = KafkaProbe.uniqueTopics(kafka, info);
    publisher =
        EventPublisher.create(PublisherConfig.of(kafka.connection()), topics, TestClocks.FIXED);
    app = ServingApp.start(
        HttpConfig.onPort(0),
        ServingDeps.ingest(
            publisher,
            new IngestLimits(4096, 50),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            TestClocks.FIXED));
  }

  @AfterEach
  void stop() {
    app.close();
    publisher.close();
  }

  private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldAcceptValidEventsAndNameEachRejectedOne() throws Exception {
    String body = "[" + EVENT.formatted(1) + ","
        + "{\"user_id\":\"u2\",\"item_id\":\"i1\",\"type\":\"clik\",\"timestamp\":1622505600000},"
        + EVENT.formatted(3) + ","
        + "{\"user_id\":\"u4\",\"item_id\":\"i1\",\"type\":\"view\",\"timestamp\":1622505600,"
        + "\"value\":\"high\"}]";

    HttpResponse<String> response = post("/v1/events", "application/json", body);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode json = JSON.readTree(response.body());
    assertThat(json.get("accepted").intValue()).isEqualTo(2);
    assertThat(json.get("ids")).hasSize(2);
    assertThat(json.get("rejected").toString())
        .isEqualTo("[{\"index\":1,\"field\":\"type\","
            + "\"reason\":\"'clik' is not a known event type; use one of view, click, add_to_cart, "
            + "remove_from_cart, purchase, rating, like, dislike, share, bookmark\"},"
            + "{\"index\":3,\"field\":\"value\",\"reason\":\"must be a number, got STRING\"}]");
    assertThat(KafkaProbe.count(kafka, topics.events().name())).isEqualTo(2);
  }

  @Test
  void shouldAcceptNdjsonAndCountExactlyWhatReachedTheTopic() throws Exception {
    String body =
        IntStream.range(0, 40).mapToObj(EVENT::formatted).collect(Collectors.joining("\n"));
    HttpResponse<String> response = post("/v1/events", "application/x-ndjson", body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).get("accepted").intValue()).isEqualTo(40);
    assertThat(KafkaProbe.count(kafka, topics.events().name())).isEqualTo(40);
    assertThat(Codecs.USER_EVENT
            .decode(KafkaProbe.read(kafka, topics.events().name(), 40).get(0).value())
            .getItemId())
        .isEqualTo("i1");
  }

  @Test
  void shouldAnswer422WhenNothingIsValid() throws Exception {
    HttpResponse<String> response =
        post("/v1/events", "application/json", "[{\"user_id\":\"u1\"}]");
    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body())
        .contains("\"field\":\"item_id\"", "\"field\":\"type\"", "\"field\":\"timestamp\"");
    assertThat(KafkaProbe.count(kafka, topics.events().name())).isZero();
  }

  @Test
  void shouldNameWhereTheJsonIsMalformed() throws Exception {
    HttpResponse<String> response =
        post("/v1/events", "application/json", "[" + EVENT.formatted(1) + ",\n {\"user_id\": }]");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).get("error").textValue())
        .startsWith("malformed JSON at line 2, column 14");
    assertThat(KafkaProbe.count(kafka, topics.events().name())).isZero();
  }

  @Test
  void shouldRefuseOtherContentTypesAndOversizedBodies() throws Exception {
    assertThat(post("/v1/events", "text/csv", "a,b").statusCode()).isEqualTo(415);
    String big = "["
        + IntStream.range(0, 60).mapToObj(EVENT::formatted).collect(Collectors.joining(",")) + "]";
    HttpResponse<String> tooBig = post("/v1/events", "application/json", big);
    assertThat(tooBig.statusCode()).isEqualTo(413);
    assertThat(tooBig.body()).contains("larger than 4096 bytes");
    String many =
        "[" + IntStream.range(0, 51).mapToObj(i -> "{}").collect(Collectors.joining(",")) + "]";
    assertThat(post("/v1/events", "application/json", many).body()).contains("at most 50 entries");
  }

  @Test
  void shouldIngestItemsToTheCompactedTopic() throws Exception {
    HttpResponse<String> response = post(
        "/v1/items",
        "application/json",
        "[{\"item_id\":\"i1\",\"category\":\"books\",\"price\":-2}, {\"item_id\":\"i2\"}]");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"accepted\":1", "\"field\":\"price\"");
    assertThat(KafkaProbe.count(kafka, topics.items().name())).isEqualTo(1);
  }

  @Test
  void shouldAnswerJsonForUnknownRoutesAndMethods() throws Exception {
    HttpResponse<String> missing = http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/nope"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("no route for GET /nope");
    HttpResponse<String> wrongMethod = http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/v1/events"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
  }
}
