package dev.recsys.benchmarks.chaos;

import dev.recsys.benchmarks.chaos.Verdict.Check;
import dev.recsys.features.PipelineLag;
import dev.recsys.features.offline.OfflineLayout;
import dev.recsys.features.offline.OfflineStore;
import dev.recsys.features.parquet.DuckDb;
import dev.recsys.testkit.KafkaProbe;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;

/**
 * The offline store's disk full: {@code recsys features} archives to a small tmpfs that a filler
 * file has filled, while events arrive. The archiver must say so, commit nothing and write
 * nothing half, the online pipeline must keep flowing to Redis, and once space returns the
 * archive must hold every event exactly once. Mounting needs root; without it the scenario says
 * it was skipped.
 */
final class DiskFull {
  private static final int RATE = 200;
  private static final Duration CATCH_UP = Duration.ofMinutes(2);

  private final Fixture fixture;
  private final Duration phase;
  private final Consumer<String> say;

  DiskFull(Fixture fixture, Duration phase, Consumer<String> say) {
    this.fixture = fixture;
    this.phase = phase;
    this.say = say;
  }

  Verdict run() throws Exception {
    Path disk = Files.createDirectories(fixture.dir().resolve("offline-disk"));
    String mounted = run("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", disk.toString());
    if (!mounted.isEmpty()) {
      return new Verdict(
          "offline store disk full",
          "skipped: cannot mount a tmpfs to fill (" + mounted + ")",
          List.of(new Check("the scenario ran", "skipped: needs root to mount a tmpfs", true)));
    }
    Path filler = disk.resolve("filler");
    RecsysProcess archiving = null;
    try {
      long filled = fill(filler);
      fixture.features.close();
      archiving =
          fixture.startFeatures("features-disk", fixture.dir().resolve("features-state"), disk);
      long lagWhileFull;
      long filesWhileFull;
      long onlineLagMs;
      try (Traffic traffic = Traffic.start(fixture, "disk-full", RATE)) {
        Thread.sleep(phase.toMillis());
        lagWhileFull = archiveLag();
        filesWhileFull = parquetFiles(disk);
        traffic.close();
      }
      onlineLagMs = fixture.awaitFeatures(CATCH_UP);
      boolean said = Files.readString(archiving.log()).contains("nothing is committed");
      Files.delete(filler);
      long archivedMs = awaitArchived();
      long onTopic = KafkaProbe.count(fixture.kafka, fixture.topics.events().name());
      long[] rows = rows(disk);
      say.accept(String.format(
          "  disk full (%,d bytes of filler): archive lag %,d, %d files; after: %,d rows, %,d "
              + "distinct, %,d events on the topic",
          filled, lagWhileFull, filesWhileFull, rows[0], rows[1], onTopic));
      return new Verdict(
          "offline store disk full",
          String.format(
              "a 64 MiB tmpfs for offline.dir, filled to the last byte; %,d events/s for %d s, then"
                  + " the filler deleted",
              RATE, phase.toSeconds()),
          List.of(
              new Check(
                  "while full: a clear error in the log, nothing committed, no file written",
                  String.format(
                      "error logged: %s; archive lag %,d records; %d Parquet files",
                      said ? "yes" : "no", lagWhileFull, filesWhileFull),
                  said && lagWhileFull > 0 && filesWhileFull == 0),
              new Check(
                  "features keep reaching Redis while the offline store cannot write",
                  onlineLagMs >= 0
                      ? String.format("online lag 0 %.1f s after the last event", onlineLagMs / 1e3)
                      : "online store still behind",
                  onlineLagMs >= 0),
              new Check(
                  "once space returns, the archive holds every event exactly once",
                  String.format(
                      "caught up %.1f s after; %,d rows, %,d distinct records, %,d on the topic",
                      archivedMs / 1e3, rows[0], rows[1], onTopic),
                  archivedMs >= 0 && rows[0] == onTopic && rows[1] == onTopic)));
    } finally {
      if (archiving != null) {
        archiving.close();
      }
      run("umount", disk.toString());
      fixture.features.restart();
    }
  }

  /** Writes {@code file} until the disk refuses; returns how many bytes it took. */
  private static long fill(Path file) throws IOException {
    byte[] chunk = new byte[64 * 1024];
    long written = 0;
    try (OutputStream out = Files.newOutputStream(file)) {
      while (true) {
        out.write(chunk);
        written += chunk.length;
      }
    } catch (IOException full) {
      return written;
    }
  }

  private long archiveLag() throws Exception {
    try (Admin admin = fixture.admin()) {
      return PipelineLag.of(
          admin,
          OfflineStore.group(Fixture.APPLICATION_ID, OfflineLayout.EVENTS),
          fixture.topics.events().name());
    }
  }

  private long awaitArchived() throws Exception {
    long start = System.nanoTime();
    while (archiveLag() > 0) {
      if (System.nanoTime() - start > CATCH_UP.toNanos()) {
        return -1;
      }
      Thread.sleep(250);
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static long parquetFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".parquet")).count();
    }
  }

  /** Rows of the events archive, and distinct (partition, offset) among them. */
  private static long[] rows(Path root) throws SQLException {
    String glob = new OfflineLayout(root).glob(OfflineLayout.EVENTS);
    try (DuckDb db = DuckDb.inMemory();
        Statement s = db.connection().createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT (kafka_partition,"
            + " kafka_offset)) FROM read_parquet(" + DuckDb.literal(glob) + ")")) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2)};
    }
  }

  /** Runs a command; returns "" on success, else what it said. */
  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes()).trim();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return String.join(" ", command) + " did not finish";
    }
    return process.exitValue() == 0
        ? ""
        : output.isEmpty() ? "exit " + process.exitValue() : output;
  }
}
