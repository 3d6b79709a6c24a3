package dev.recsys.benchmarks.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recsys.benchmarks.chaos.Verdict.Check;
import dev.recsys.schemas.avro.UserEvent;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The broker stopped and restarted while clients post events over HTTP and the Java client
 * publishes. Every event the server acknowledged (its id in the answer's {@code ids}) or the
 * client's future completed for must be on the topic exactly once; every other one must have
 * been answered 503 or failed in the client, so retrying it (same id) is safe; and ingest must
 * acknowledge again soon after the broker is back.
 */
final class BrokerRestart {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BATCH = 50;
  private static final int CLIENTS = 2;
  private static final int CLIENT_RATE = 1_000;
  private static final String HTTP_PREFIX = "chaos-ingest-";
  private static final String CLIENT_PREFIX = "chaos-client";
  /** Shorter than the outage, so some sends fail in the client and the failure path is tried. */
  private static final Duration CLIENT_DELIVERY_TIMEOUT = Duration.ofSeconds(2);

  private final Fixture fixture;
  private final Duration before;
  private final Duration outage;
  private final Duration after;
  private final Consumer<String> say;
  private final Set<String> sent = ConcurrentHashMap.newKeySet();
  private final Set<String> acked = ConcurrentHashMap.newKeySet();
  private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
  private final AtomicLong clientFailures = new AtomicLong();
  private final List<Long> ackTimes = Collections.synchronizedList(new ArrayList<>());
  private volatile String firstFailure = "";
  private volatile boolean stopped;

  BrokerRestart(
      Fixture fixture, Duration before, Duration outage, Duration after, Consumer<String> say) {
    this.fixture = fixture;
    this.before = before;
    this.outage = outage;
    this.after = after;
    this.say = say;
  }

  Verdict run() throws Exception {
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      Thread thread = new Thread(() -> post(client), "ingest-client-" + c);
      thread.setDaemon(true);
      clients.add(thread);
    }
    Traffic javaClient =
        Traffic.start(fixture, CLIENT_PREFIX, CLIENT_RATE, CLIENT_DELIVERY_TIMEOUT);
    clients.forEach(Thread::start);
    Thread.sleep(before.toMillis());
    long stoppedAt = System.nanoTime();
    fixture.kafka.stop();
    long ackedAtStop = acked.size();
    Thread.sleep(outage.toMillis());
    fixture.kafka.restart();
    long restartedAt = System.nanoTime();
    long ackedAtRestart = acked.size();
    Thread.sleep(after.toMillis());
    stopped = true;
    for (Thread thread : clients) {
      thread.join(120_000);
    }
    javaClient.close();
    Set<String> clientSent = javaClient.sent();
    Set<String> clientAcked = javaClient.acked();
    long resumedMs = firstAckAfter(restartedAt);
    Map<String, Integer> onTopic = readBack();
    long ackedOnce =
        acked.stream().filter(id -> onTopic.getOrDefault(id, 0) == 1).count();
    long ackedMissing = acked.stream().filter(id -> !onTopic.containsKey(id)).count();
    long duplicated = onTopic.values().stream().filter(n -> n > 1).count();
    long unackedLanded = sent.stream()
        .filter(id -> !acked.contains(id) && onTopic.containsKey(id))
        .count();
    long unacked = sent.size() - acked.size();
    long clientOnce =
        clientAcked.stream().filter(id -> onTopic.getOrDefault(id, 0) == 1).count();
    long clientUnacked = clientSent.size() - clientAcked.size();
    long clientUnackedLanded = clientSent.stream()
        .filter(id -> !clientAcked.contains(id) && onTopic.containsKey(id))
        .count();
    Map<Integer, Long> statusCounts = new TreeMap<>();
    statuses.forEach((status, n) -> statusCounts.put(status, n.get()));
    long otherStatuses = statusCounts.entrySet().stream()
        .filter(e -> e.getKey() != 200 && e.getKey() != 503)
        .mapToLong(Map.Entry::getValue)
        .sum();
    say.accept(String.format(
        "  ingest: %,d events sent, %,d acknowledged (%,d before the stop, %,d during the outage),"
            + " answers %s, %,d client failures%s",
        sent.size(),
        acked.size(),
        ackedAtStop,
        ackedAtRestart - ackedAtStop,
        statusCounts,
        clientFailures.get(),
        firstFailure.isEmpty() ? "" : " (first: " + firstFailure + ")"));
    List<Check> checks = new ArrayList<>();
    checks.add(new Check(
        "every acknowledged event is on the topic exactly once",
        String.format(
            "%,d acknowledged: %,d once, %,d missing; %,d ids on the topic more than once",
            acked.size(), ackedOnce, ackedMissing, duplicated),
        !acked.isEmpty() && ackedOnce == acked.size() && duplicated == 0));
    checks.add(new Check(
        "every unacknowledged event was answered 503 or failed in the client (safe to retry)",
        String.format(
            "%,d unacknowledged (%,d of them on the topic anyway, which the id makes harmless);"
                + " %,d answers other than 200 and 503",
            unacked, unackedLanded, otherStatuses),
        otherStatuses == 0));
    checks.add(new Check(
        "Java client: every acknowledged event is on the topic exactly once, every other one "
            + "failed in the client",
        String.format(
            "%,d sent, %,d acknowledged, %,d of them once; %,d failed in the client (%,d of them "
                + "on the topic anyway); %,d sends refused at once",
            clientSent.size(),
            clientAcked.size(),
            clientOnce,
            clientUnacked,
            clientUnackedLanded,
            javaClient.refused()),
        !clientAcked.isEmpty() && clientOnce == clientAcked.size() && duplicated == 0));
    checks.add(new Check(
        "ingest acknowledges again within 10 s of the broker's restart",
        resumedMs >= 0
            ? String.format("first acknowledgement %.1f s after", resumedMs / 1e3)
            : "no acknowledgement after the restart",
        resumedMs >= 0 && resumedMs <= 10_000));
    return new Verdict(
        "Kafka broker restart during HTTP ingest",
        String.format(
            "%d HTTP clients posting batches of %d events and the Java client publishing %,d/s "
                + "(delivery timeout %d s); the broker stopped %.0f s in for %.0f s, then "
                + "restarted on the same port and storage (%,d ms stopped to restarted)",
            CLIENTS,
            BATCH,
            CLIENT_RATE,
            CLIENT_DELIVERY_TIMEOUT.toSeconds(),
            before.toMillis() / 1e3,
            outage.toMillis() / 1e3,
            (restartedAt - stoppedAt) / 1_000_000),
        checks);
  }

  private void post(int client) {
    HttpClient http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long seq = 0;
    while (!stopped) {
      List<String> ids = new ArrayList<>();
      StringBuilder body = new StringBuilder("[");
      for (int i = 0; i < BATCH; i++, seq++) {
        String id = HTTP_PREFIX + client + "-" + seq;
        ids.add(id);
        if (i > 0) {
          body.append(',');
        }
        body.append(String.format(
            "{\"event_id\":\"%s\",\"user_id\":\"u%05d\",\"item_id\":\"i%05d\",\"type\":\"view\","
                + "\"timestamp\":\"%s\"}",
            id, seq % 500, seq % 300, Instant.now()));
      }
      body.append(']');
      sent.addAll(ids);
      try {
        HttpResponse<String> answer = http.send(
            HttpRequest.newBuilder(fixture.url("/v1/events"))
                .timeout(Duration.ofSeconds(90))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
        statuses.computeIfAbsent(answer.statusCode(), s -> new AtomicLong()).incrementAndGet();
        JsonNode result = JSON.readTree(answer.body());
        int before = acked.size();
        for (JsonNode id : result.path("ids")) {
          acked.add(id.asText());
        }
        if (acked.size() > before) {
          ackTimes.add(System.nanoTime());
        }
      } catch (IOException e) {
        if (clientFailures.getAndIncrement() == 0) {
          firstFailure = e.toString();
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Milliseconds from {@code restartNanos} to the first acknowledgement after it, or -1. */
  private long firstAckAfter(long restartNanos) {
    synchronized (ackTimes) {
      return ackTimes.stream()
          .filter(t -> t >= restartNanos)
          .mapToLong(t -> (t - restartNanos) / 1_000_000)
          .min()
          .orElse(-1);
    }
  }

  /** How many times each of our ids is on the events topic (committed records). */
  private Map<String, Integer> readBack() {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, fixture.kafka.bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    String topic = fixture.topics.events().name();
    Map<String, Integer> counts = new HashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition()))
          .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (!reached(consumer, end) && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          UserEvent event = fixture
              .topics
              .events()
              .valueSerde()
              .deserializer()
              .deserialize(topic, record.value());
          String id = event.getEventId();
          if (id.startsWith(HTTP_PREFIX) || id.startsWith(CLIENT_PREFIX)) {
            counts.merge(id, 1, Integer::sum);
          }
        }
      }
    }
    return counts;
  }

  private static boolean reached(
      KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }
}
