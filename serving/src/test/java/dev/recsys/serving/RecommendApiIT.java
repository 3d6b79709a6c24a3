package dev.recsys.serving;

import static dev.recsys.serving.recommend.Fixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recsys.embedded.EmbeddedKafka;
import dev.recsys.embedded.EmbeddedRedis;
import dev.recsys.features.definition.FeatureSet;
import dev.recsys.features.pair.PairFeatures;
import dev.recsys.features.store.OnlineStoreConfig;
import dev.recsys.features.store.RedisOnlineStore;
import dev.recsys.ingest.EventPublisher;
import dev.recsys.ingest.PublisherConfig;
import dev.recsys.ingest.http.IngestLimits;
import dev.recsys.ranking.registry.ModelRegistry;
import dev.recsys.schemas.Topics;
import dev.recsys.schemas.avro.Impression;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.serving.features.FeatureRoutes;
import dev.recsys.serving.http.HttpConfig;
import dev.recsys.serving.recommend.Fixtures;
import dev.recsys.testkit.EmbeddedRuntimeExtension;
import dev.recsys.testkit.Events;
import dev.recsys.testkit.KafkaProbe;
import dev.recsys.testkit.TestClocks;
import dev.recsys.testkit.Wait;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recommendation API end to end: a real server with every route mounted, embedded Kafka and
 * Redis, a JVector index built from seeded vectors and an ONNX ranker in a registry. Item
 * {@code i39} is unavailable; items {@code i35..i38} have no online features. Also holds the
 * OpenAPI document equal to the routes the server registered.
 */
@ExtendWith(EmbeddedRuntimeExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecommendApiIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(30);
  /** Generous: this box is shared; the deadline is what the Redis-down test holds us to. */
  private static final Duration DEADLINE = Duration.ofMillis(300);

  private static final String UNAVAILABLE = id(39);
  private static final Set<String> HTTP_METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
  private final EmbeddedKafka kafka;
  private final EmbeddedRedis redis;
  private final HttpClient http = HttpClient.newHttpClient();
  private Topics topics;
  private ModelRegistry registry;
  private Path rules;
  private RedisOnlineStore store;
  private EventPublisher publisher;
  private ServingRecommendations recommendations;
  private ServingApp app;

  RecommendApiIT(EmbeddedKafka kafka, EmbeddedRedis redis) {
    this.kafka = kafka;
    this.redis = redis;
  }

  @BeforeAll
  void start(TestInfo info, @TempDir Path dir) throws Exception {
    topics = KafkaProbe.uniqueTopics(kafka, info);
    publishCatalog();
    Path index = dir.resolve("index");
    Fixtures.index().save(index);
    rules = dir.resolve("rules.json");
    Files.writeString(rules, "{\"exclude_unavailable\": true}");
    registry = ModelRegistry.at(dir);
    store = RedisOnlineStore.connect(new OnlineStoreConfig(
        redis.uri(),
        FeatureSet.CORE_V1,
        OnlineStoreConfig.DEFAULT_USER_TTL,
        Duration.ofSeconds(1)));
    store.write(Fixtures.vectors(5));
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    recommendations = ServingRecommendations.start(
        ServingSettings.DEFAULT
            .withIndexDir(index)
            .withRulesFile(rules)
            .withDeadline(DEADLINE)
            .withPolls(Duration.ofMillis(50), Duration.ofMillis(50)),
        store,
        FeatureSet.CORE_V1,
        registry,
        kafka.connection(),
        topics,
        metrics,
        TestClocks.FIXED);
    publisher =
        EventPublisher.create(PublisherConfig.of(kafka.connection()), topics, TestClocks.FIXED);
    app = ServingApp.start(
        HttpConfig.onPort(0),
        ServingDeps.ingest(publisher, IngestLimits.DEFAULT, metrics, TestClocks.FIXED)
            .withFeatures(new FeatureRoutes(store, FeatureSet.CORE_V1, TestClocks.FIXED))
            .withRecommendations(recommendations.routes()));
    Wait.until(
        WAIT,
        () -> recommendations.catalog().size() == Fixtures.ITEMS,
        () -> "the catalog to hold every item");
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
    recommendations.close();
    publisher.close();
    store.close();
  }

  @Test
  @Order(1)
  void shouldBeUnreadyUntilAModelIsPromotedThenReady() throws Exception {
    HttpResponse<String> before = get("/readyz");
    assertThat(before.statusCode()).isEqualTo(503);
    assertThat(json(before).path("missing").toString()).contains("model");

    registry.promote("ranker", TinyRanker.register(registry).version());

    Wait.until(WAIT, () -> get("/readyz").statusCode() == 200, () -> "/readyz to answer 200");
  }

  @Test
  @Order(2)
  void shouldAnswerWithRankedItemsAndTheirSources() throws Exception {
    JsonNode body = okJson("/v1/users/u1/recommendations?k=5&context=home");

    assertThat(body.path("request_id").asText()).isNotBlank();
    assertThat(body.path("user_id").asText()).isEqualTo("u1");
    assertThat(body.path("model_version").asText()).startsWith("ranker/");
    assertThat(body.path("degraded")).isEmpty();
    assertThat(body.path("took_ms").asLong()).isLessThan(DEADLINE.toMillis());
    assertThat(body.path("items")).hasSize(5);
    JsonNode first = body.path("items").get(0);
    assertThat(first.path("rank").asInt()).isZero();
    assertThat(first.path("score").asDouble()).isBetween(0.0, 1.0);
    assertThat(first.path("sources")).isNotEmpty();
    assertThat(first.has("explain")).isFalse();
  }

  @Test
  @Order(3)
  void shouldExplainFeaturesStageScoresAndRules() throws Exception {
    JsonNode item =
        okJson("/v1/users/u1/recommendations?k=3&explain=true").path("items").get(0);

    JsonNode explain = item.path("explain");
    List<String> names = new ArrayList<>();
    explain.path("features").fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactlyElementsOf(PairFeatures.NAMES);
    assertThat(explain.path("scores").path("ranker").asDouble())
        .isEqualTo(explain.path("scores").path("final").asDouble());
    assertThat(explain.path("scores").has("retrieval")).isTrue();
    assertThat(explain.path("rules").isArray()).isTrue();
  }

  @Test
  @Order(4)
  void shouldServeColdStartAndNeverUnavailableItemsEvenWhenKExceedsTheCatalog() throws Exception {
    JsonNode body = okJson("/v1/users/stranger/recommendations?k=500");

    List<String> ids = new ArrayList<>();
    body.path("items").forEach(i -> ids.add(i.path("item_id").asText()));
    assertThat(ids)
        .hasSizeBetween(30, Fixtures.ITEMS - 1)
        .doesNotHaveDuplicates()
        .doesNotContain(UNAVAILABLE)
        .contains(id(36));
    assertThat(body.path("degraded")).isEmpty();
  }

  @Test
  @Order(5)
  void shouldListEveryParameterProblemInOne400() throws Exception {
    HttpResponse<String> response =
        get("/v1/users/bad%20id/recommendations?k=0&explain=maybe&exclude=a,,b");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).path("problems")).hasSize(4);
    assertThat(response.body()).contains("userId", "k must be", "explain", "exclude");
  }

  @Test
  @Order(6)
  void shouldFindSimilarItemsAnd404ForItemsOutOfTheIndex() throws Exception {
    JsonNode similar = okJson("/v1/items/i00/similar?k=5");

    assertThat(similar.path("items")).hasSize(5);
    assertThat(similar.path("items").toString()).doesNotContain("\"i00\"");
    assertThat(get("/v1/items/" + UNAVAILABLE + "/similar").statusCode()).isEqualTo(404);
  }

  @Test
  @Order(7)
  void shouldLogEachResponseAsAnImpressionWithItsRequestId() throws Exception {
    String requestId =
        okJson("/v1/users/u1/recommendations?k=4").path("request_id").asText();

    Wait.until(
        WAIT,
        () -> impressions().stream()
            .anyMatch(i -> i.getRequestId().equals(requestId) && i.getItems().size() == 4),
        () -> "impression " + requestId + " on " + topics.impressions().name());
  }

  @Test
  @Order(8)
  void shouldApplyChangedRulesWithoutRestart() throws Exception {
    Files.writeString(
        rules,
        "{\"exclude_unavailable\": true, "
            + "\"pinned\": [{\"item_id\": \"i20\", \"position\": 0}]}");
    Files.setLastModifiedTime(
        rules, java.nio.file.attribute.FileTime.from(java.time.Instant.now().plusSeconds(5)));

    Wait.until(
        WAIT,
        () -> okJson("/v1/users/u1/recommendations?k=3")
            .path("items")
            .get(0)
            .path("item_id")
            .asText()
            .equals("i20"),
        () -> "the pinned item first");
  }

  @Test
  @Order(9)
  void shouldDegradeWithinTheDeadlineWhileRedisIsDownAndRecoverAfter() throws Exception {
    redis.stop();
    try {
      for (int i = 0; i < 3; i++) {
        JsonNode body = okJson("/v1/users/u1/recommendations?k=5");
        assertThat(body.path("took_ms").asLong()).isLessThanOrEqualTo(DEADLINE.toMillis());
        assertThat(body.path("degraded").toString()).contains("features");
        assertThat(body.path("items")).hasSize(5);
      }
      // The trending list comes from the near cache until its TTL (1 s) passes, then degrades.
      Wait.until(
          WAIT,
          () -> {
            JsonNode body = okJson("/v1/users/u1/recommendations?k=5");
            return body.path("degraded").toString().contains("trending")
                && body.path("items").size() == 5
                && body.path("took_ms").asLong() <= DEADLINE.toMillis();
          },
          () -> "trending degraded, within the deadline, once the near cache expired");
    } finally {
      redis.restart();
    }
    Wait.until(
        WAIT,
        () -> {
          store.write(Fixtures.vectors(5));
          return okJson("/v1/users/u1/recommendations?k=5").path("degraded").isEmpty();
        },
        () -> "responses without degradation after Redis restarted");
  }

  @Test
  @Order(10)
  void shouldServeAnOpenApiDocumentOfExactlyTheRegisteredRoutes() throws Exception {
    HttpResponse<String> response = get("/openapi.json");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode document = json(response);
    assertThat(document).isEqualTo(JSON.readTree(OpenApi.read(OpenApi.RESOURCE)));
    assertThat(operations(document).keySet())
        .as("documented routes vs registered routes")
        .containsExactlyInAnyOrderElementsOf(app.routes());
  }

  @Test
  @Order(11)
  void shouldDeclareEachPathParameterOfEachDocumentedRoute() {
    JsonNode document = json(get("/openapi.json"));

    operations(document).forEach((route, operation) -> {
      Set<String> inTemplate = new HashSet<>();
      Matcher names = PATH_PARAMETER.matcher(route.path());
      while (names.find()) {
        inTemplate.add(names.group(1));
      }
      Set<String> declared = new HashSet<>();
      JsonNode pathItem = document.path("paths").path(route.path());
      for (JsonNode parameters :
          List.of(pathItem.path("parameters"), operation.path("parameters"))) {
        for (JsonNode parameter : parameters) {
          if (parameter.path("in").asText().equals("path")
              && parameter.path("required").asBoolean()) {
            declared.add(parameter.path("name").asText());
          }
        }
      }
      assertThat(declared).as("required path parameters of %s", route).isEqualTo(inTemplate);
    });
  }

  /** Each operation of {@code document} by its method and path. */
  @Test
  @Order(12)
  void shouldAnswerHostileInputWithA4xxNamingTheProblemNeverA500() throws Exception {
    HttpFuzz fuzz = new HttpFuzz(20261207);
    Map<Integer, Integer> statuses = new java.util.TreeMap<>();
    int tried = 0;
    for (; tried < 1_500; tried++) {
      HttpRequest.Builder request;
      String what;
      switch (fuzz.nextInt(5)) {
        case 0, 1 -> {
          String path = fuzz.nextInt(2) == 0 ? "/v1/events" : "/v1/items";
          byte[] body = fuzz.body(path.equals("/v1/events"));
          String type = fuzz.contentType();
          request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
              .header("Content-Type", type)
              .POST(HttpRequest.BodyPublishers.ofByteArray(body));
          what = "POST " + path + " (" + type + ") "
              + new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8);
        }
        case 2 -> {
          what = "GET /v1/users/" + fuzz.pathSegment() + "/recommendations?k=" + fuzz.queryValue()
              + "&exclude=" + fuzz.queryValue() + "&explain=" + fuzz.queryValue() + "&context="
              + fuzz.queryValue() + (fuzz.nextInt(3) == 0 ? "&k=2" : "");
          request = HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + app.port() + what.substring(4)));
        }
        case 3 -> {
          what = "GET /v1/items/" + fuzz.pathSegment() + "/similar?k=" + fuzz.queryValue();
          request = HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + app.port() + what.substring(4)));
        }
        default -> {
          what = "GET /v1/" + (fuzz.nextInt(2) == 0 ? "users/" : "items/") + fuzz.pathSegment()
              + "/features";
          request = HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + app.port() + what.substring(4)));
        }
      }
      HttpResponse<String> response =
          http.send(request.timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
      statuses.merge(response.statusCode(), 1, Integer::sum);
      assertThat(response.statusCode())
          .as("%s answered %s", what.substring(0, Math.min(what.length(), 300)), response.body())
          .isIn(200, 400, 404, 413, 415, 422);
      String shown = what.substring(0, Math.min(what.length(), 300));
      if (response.statusCode() == 422) {
        assertThat(json(response).path("rejected"))
            .as("%s: every entry rejected with a field and a reason", shown)
            .isNotEmpty()
            .allMatch(r -> !r.path("field").asText().isBlank()
                && !r.path("reason").asText().isBlank());
      } else if (response.statusCode() >= 400 && !response.body().isEmpty()) {
        assertThat(json(response).path("error").asText())
            .as("%s: the error names the problem", shown)
            .isNotBlank();
      }
    }
    System.out.println("HTTP fuzz: " + tried + " requests, by status " + statuses);
  }

  private static Map<Route, JsonNode> operations(JsonNode document) {
    Map<Route, JsonNode> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> field : path.getValue().properties()) {
        if (HTTP_METHODS.contains(field.getKey())) {
          out.put(
              new Route(field.getKey().toUpperCase(Locale.ROOT), path.getKey()), field.getValue());
        }
      }
    }
    return out;
  }

  private void publishCatalog() throws Exception {
    try (KafkaProducer<String, ItemUpdate> producer = new KafkaProducer<>(
        kafka.clientProperties(),
        topics.items().keySerde().serializer(),
        topics.items().valueSerde().serializer())) {
      for (int i = 0; i < Fixtures.ITEMS; i++) {
        ItemUpdate item = Events.item(id(i))
            .category("c" + (i % 4))
            .available(!id(i).equals(UNAVAILABLE))
            .createdAt(TestClocks.FIXED.instant().minus(Duration.ofDays(i)))
            .build();
        producer.send(new ProducerRecord<>(topics.items().name(), id(i), item)).get();
      }
    }
  }

  private List<Impression> impressions() {
    List<Impression> out = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r :
        KafkaProbe.read(kafka, topics.impressions().name(), 1)) {
      out.add(topics.impressions().valueSerde().deserializer().deserialize(r.topic(), r.value()));
    }
    return out;
  }

  private HttpResponse<String> get(String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
              .timeout(Duration.ofSeconds(10))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private JsonNode okJson(String path) {
    HttpResponse<String> response = get(path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
