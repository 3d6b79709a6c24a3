package dev.recsys.benchmarks.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recsys.schemas.Codecs;
import dev.recsys.schemas.avro.EventType;
import dev.recsys.schemas.avro.UserEvent;
import dev.recsys.schemas.json.EventJson;
import dev.recsys.schemas.json.Parsed;
import dev.recsys.schemas.validation.EventRules;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Per-event costs on the ingest path, in nanoseconds. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.recsys")
public class EventCodecBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
  private byte[] json;
  private JsonNode tree;
  private UserEvent event;
  private byte[] avro;

  @Setup
  public void setUp() throws IOException {
    json = ("{\"event_id\":\"e-123456\",\"user_id\":\"u00017\",\"item_id\":\"i00042\","
            + "\"type\":\"click\",\"value\":1.0,\"timestamp\":1761955200000,"
            + "\"session_id\":\"s-99\",\"context\":{\"device\":\"ios\"}}")
        .getBytes();
    tree = JSON.readTree(json);
    event = new UserEvent(
        "e-123456",
        "u00017",
        "i00042",
        EventType.CLICK,
        1.0,
        Instant.ofEpochMilli(1_761_955_200_000L),
        "s-99",
        Map.of("device", "ios"),
        null);
    avro = Codecs.USER_EVENT.encode(event);
  }

  @Benchmark
  public JsonNode parseJson() throws IOException {
    return JSON.readTree(json);
  }

  @Benchmark
  public Parsed<UserEvent> readEventFromTree() {
    return EventJson.read(tree);
  }

  @Benchmark
  public Object checkRules() {
    return EventRules.check(event, NOW);
  }

  @Benchmark
  public byte[] encodeAvro() {
    return Codecs.USER_EVENT.encode(event);
  }

  @Benchmark
  public UserEvent decodeAvro() {
    return Codecs.USER_EVENT.decode(avro);
  }
}
