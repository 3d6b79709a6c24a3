package dev.recsys.serving.impressions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recsys.schemas.avro.Impression;
import dev.recsys.serving.recommend.RecommendMetrics;
import dev.recsys.serving.recommend.Recommendation;
import dev.recsys.serving.recommend.RecommendedItem;
import dev.recsys.testkit.Wait;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaImpressionLogTest {
  private static final Recommendation SERVED = new Recommendation(
      "req-1",
      "u1",
      "ranker/v1",
      List.of(new RecommendedItem("i1", 0.9, 0, Set.of("popular"), Optional.empty())),
      3,
      1_622_505_601_000L,
      List.of());

  private static final Serializer<Impression> NO_BYTES = (topic, impression) -> new byte[0];

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void shouldTurnAResponseIntoAnImpressionWithItsRequestId() {
    Impression impression = KafkaImpressionLog.toImpression(SERVED);

    assertThat(impression.getRequestId()).isEqualTo("req-1");
    assertThat(impression.getModelVersion()).isEqualTo("ranker/v1");
    assertThat(impression.getItems()).singleElement().satisfies(item -> {
      assertThat(item.getItemId()).isEqualTo("i1");
      assertThat(item.getPosition()).isZero();
    });
  }

  @Test
  void shouldDropAndCountWhenTheBufferIsFullWithoutBlocking() {
    CountDownLatch kafkaIsBack = new CountDownLatch(1);
    BlockingProducer producer = new BlockingProducer(kafkaIsBack);
    KafkaImpressionLog log =
        new KafkaImpressionLog(producer, "impressions", 2, new RecommendMetrics(registry));

    long start = System.nanoTime();
    for (int i = 0; i < 100; i++) {
      log.log(SERVED);
    }
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    kafkaIsBack.countDown();
    log.close();

    assertThat(tookMillis).isLessThan(1_000);
    double dropped = registry.counter(RecommendMetrics.IMPRESSIONS_DROPPED).count();
    assertThat(dropped).isGreaterThan(90.0);
    assertThat(producer.history()).hasSize(100 - (int) dropped);
  }

  @Test
  void shouldSendEveryImpressionKeyedByUser() {
    MockProducer<String, Impression> producer =
        new MockProducer<>(true, null, new StringSerializer(), NO_BYTES);
    KafkaImpressionLog log =
        new KafkaImpressionLog(producer, "impressions", 10, new RecommendMetrics(registry));

    log.log(SERVED);

    Wait.until(Duration.ofSeconds(5), () -> producer.history().size() == 1, () -> "one send");
    log.close();
    assertThat(producer.history().get(0).key()).isEqualTo("u1");
    assertThat(producer.history().get(0).value().getRequestId()).isEqualTo("req-1");
  }

  /** A producer whose sends block until Kafka "is back", as with an unreachable broker. */
  private static final class BlockingProducer extends MockProducer<String, Impression> {
    private final CountDownLatch back;

    BlockingProducer(CountDownLatch back) {
      super(true, null, new StringSerializer(), NO_BYTES);
      this.back = back;
    }

    @Override
    public synchronized Future<RecordMetadata> send(
        ProducerRecord<String, Impression> record, Callback callback) {
      try {
        back.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return super.send(record, callback);
    }
  }
}
