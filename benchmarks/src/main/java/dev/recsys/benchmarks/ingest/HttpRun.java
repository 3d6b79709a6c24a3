package dev.recsys.benchmarks.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recsys.ingest.EventPublisher;
import dev.recsys.ingest.http.IngestLimits;
import dev.recsys.schemas.avro.UserEvent;
import dev.recsys.schemas.json.EventJson;
import dev.recsys.serving.ServingApp;
import dev.recsys.serving.ServingDeps;
import dev.recsys.serving.http.HttpConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Events as JSON-array batches POSTed to the real server over several connections. Bodies are
 * rendered before the clock starts, so the measure is the server's, not the client's JSON.
 */
final class HttpRun implements IngestThroughput.Run {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ServingApp app;
  private final int batch;
  private final int connections;

  HttpRun(EventPublisher publisher, int batch, int connections) {
    this.batch = batch;
    this.connections = connections;
    this.app = ServingApp.start(
        HttpConfig.onPort(0),
        ServingDeps.ingest(
            publisher,
            IngestLimits.DEFAULT,
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            Clock.systemUTC()));
  }

  @Override
  public long send(List<UserEvent> events) throws Exception {
    List<byte[]> bodies = render(events);
    URI uri = URI.create("http://127.0.0.1:" + app.port() + "/v1/events");
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    List<Future<Long>> results = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      results.add(pool.submit(() -> post(uri, bodies, next)));
    }
    long acked = 0;
    for (Future<Long> result : results) {
      acked += result.get();
    }
    pool.shutdown();
    return acked;
  }

  private static long post(URI uri, List<byte[]> bodies, AtomicInteger next) throws Exception {
    HttpClient client =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long acked = 0;
    for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
      HttpResponse<String> response = client.send(
          HttpRequest.newBuilder(uri)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i)))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("HTTP " + response.statusCode() + ": "
            + response.body().substring(0, Math.min(300, response.body().length())));
      }
      acked += JSON.readTree(response.body()).get("accepted").longValue();
    }
    return acked;
  }

  private List<byte[]> render(List<UserEvent> events) throws IOException {
    JsonFactory factory = new JsonFactory();
    List<byte[]> bodies = new ArrayList<>();
    for (int from = 0; from < events.size(); from += batch) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (JsonGenerator json = factory.createGenerator(out)) {
        json.writeStartArray();
        for (UserEvent event : events.subList(from, Math.min(events.size(), from + batch))) {
          EventJson.write(event, json);
        }
        json.writeEndArray();
      }
      bodies.add(out.toByteArray());
    }
    return bodies;
  }

  @Override
  public void close() {
    app.close();
  }
}
