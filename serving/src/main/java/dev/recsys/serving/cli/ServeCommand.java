package dev.recsys.serving.cli;

import dev.recsys.ingest.EventPublisher;
import dev.recsys.schemas.Topics;
import dev.recsys.serving.ServingApp;
import dev.recsys.serving.ServingDeps;
import dev.recsys.serving.config.RecsysConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code recsys serve}: the HTTP API against an external Kafka. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the HTTP API (event and item ingest, health, metrics) against the "
        + "Kafka in KAFKA_BOOTSTRAP_SERVERS.")
final class ServeCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

  @ParentCommand
  private Recsys root;

  @Override
  public Integer call() throws InterruptedException {
    RecsysConfig config = root.config();
    log.info("effective configuration:\n{}", config.describe());
    String bootstrap = Connections.kafka(config);
    Connections.ensureTopics(bootstrap, config);
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (Shutdown shutdown = Shutdown.hook();
        EventPublisher publisher = EventPublisher.create(Connections.publisher(bootstrap),
            Topics.named(config.topics()), Clock.systemUTC());
        ServingApp app = ServingApp.start(config.http(),
            ServingDeps.ingest(publisher, config.ingest(), metrics, Clock.systemUTC()))) {
      shutdown.await();
      log.info("stopping (port {})", app.port());
    }
    return 0;
  }
}
