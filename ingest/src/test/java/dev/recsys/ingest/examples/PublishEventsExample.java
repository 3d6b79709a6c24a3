package dev.recsys.ingest.examples;

import dev.recsys.ingest.Ack;
import dev.recsys.ingest.EventPublisher;
import dev.recsys.ingest.PublisherConfig;
import dev.recsys.schemas.KafkaConnection;
import dev.recsys.schemas.Topics;
import dev.recsys.schemas.avro.EventType;
import dev.recsys.schemas.avro.UserEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** The Java client snippet of the README; compiled with the tests so it stays true. */
public final class PublishEventsExample {
  private PublishEventsExample() {}

  public static void main(String[] args) {
    String bootstrap = args.length > 0 ? args[0] : "localhost:9092";
    try (EventPublisher publisher = EventPublisher.create(
        PublisherConfig.of(KafkaConnection.to(bootstrap)), Topics.defaults(), Clock.systemUTC())) {
      UserEvent click = UserEvent.newBuilder()
          .setEventId("e-42")
          .setUserId("u00001")
          .setItemId("i00042")
          .setType(EventType.CLICK)
          .setTimestamp(Instant.now())
          .setContext(Map.of("device", "web"))
          .build();
      Ack ack = publisher.sendAndWait(click); // durable once this returns
      System.out.println("stored at " + ack);
      publisher.send(click).thenAccept(a -> System.out.println("async " + a)); // or async
    }
  }
}
