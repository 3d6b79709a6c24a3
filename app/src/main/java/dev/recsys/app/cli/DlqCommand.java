package dev.recsys.app.cli;

import dev.recsys.app.config.RecsysConfig;
import dev.recsys.ingest.deadletter.DeadLetterQueue;
import dev.recsys.ingest.deadletter.DeadLetterRecord;
import dev.recsys.ingest.deadletter.RedriveSummary;
import dev.recsys.schemas.deadletter.DeadLetter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code recsys dlq list|redrive}: inspect and re-drive the dead-letter topic. */
@Command(
    name = "dlq",
    mixinStandardHelpOptions = true,
    description = "Inspect dead-lettered records and re-drive them once the cause is fixed.",
    subcommands = {DlqCommand.ListCommand.class, DlqCommand.RedriveCommand.class})
final class DlqCommand implements Runnable {
  @ParentCommand
  private Recsys root;

  @Override
  public void run() {
    picocli.CommandLine.usage(this, System.out);
  }

  DeadLetterQueue queue() {
    RecsysConfig config = root.config();
    return new DeadLetterQueue(
        Connections.publisher(Connections.kafka(config)), config.topics().eventsDlq());
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List dead-lettered records with their reasons, oldest first.")
  static final class ListCommand implements Callable<Integer> {
    @ParentCommand
    private DlqCommand dlq;

    @Option(names = "--limit", description = "At most this many (default: ${DEFAULT-VALUE}).")
    private int limit = 100;

    @Override
    public Integer call() {
      List<DeadLetterRecord> records = dlq.queue().list(limit);
      System.out.printf(
          "%-12s %-28s %-14s %-24s %s%n",
          "dlq p/offset", "from topic/p/offset", "field", "failed at", "reason | value");
      for (DeadLetterRecord r : records) {
        DeadLetter l = r.letter();
        System.out.printf(
            "%-12s %-28s %-14s %-24s %s | %s%n",
            r.partition() + "/" + r.offset(),
            l.sourceTopic() + "/" + l.sourcePartition() + "/" + l.sourceOffset(),
            l.field(),
            l.failedAt(),
            l.reason(),
            r.preview());
      }
      System.out.printf("%d dead-lettered record(s)%n", records.size());
      return 0;
    }
  }

  @Command(
      name = "redrive",
      mixinStandardHelpOptions = true,
      description = "Send dead letters not re-driven before back to their source topic.")
  static final class RedriveCommand implements Callable<Integer> {
    @ParentCommand
    private DlqCommand dlq;

    @Option(
        names = "--reason-contains",
        paramLabel = "TEXT",
        description = "Only records whose reason contains TEXT. Without it, every record is "
            + "re-driven and the next redrive starts after them.")
    private String reasonContains;

    @Override
    public Integer call() {
      RedriveSummary summary = reasonContains == null
          ? dlq.queue().redriveAll()
          : dlq.queue().redrive(r -> r.letter().reason().contains(reasonContains));
      System.out.printf(
          "re-drove %,d record(s); skipped %,d that did not match%n",
          summary.redriven(), summary.skipped());
      return 0;
    }
  }
}
