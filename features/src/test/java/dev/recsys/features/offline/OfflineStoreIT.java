package dev.recsys.features.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recsys.embedded.EmbeddedKafka;
import dev.recsys.features.PipelineLag;
import dev.recsys.features.parquet.DuckDb;
import dev.recsys.schemas.Codecs;
import dev.recsys.schemas.Topics;
import dev.recsys.schemas.avro.UserEvent;
import dev.recsys.testkit.EmbeddedRuntimeExtension;
import dev.recsys.testkit.Events;
import dev.recsys.testkit.KafkaProbe;
import dev.recsys.testkit.TestNames;
import dev.recsys.testkit.Wait;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The archive survives a crash between file and commit without losing or repeating a record. */
@ExtendWith(EmbeddedRuntimeExtension.class)
class OfflineStoreIT {
  private static final Instant DAY_ONE = Instant.parse("2026-11-01T22:00:00Z");
  private final EmbeddedKafka kafka;

  @TempDir
  Path dir;

  OfflineStoreIT(EmbeddedKafka kafka) {
    this.kafka = kafka;
  }

  @Test
  void shouldResumeAfterTheLastFileSoNothingIsLostOrRepeated(TestInfo info) throws Exception {
    String group = TestNames.safeUniqueTestName(info);
    Topics topics = KafkaProbe.uniqueTopics(kafka, info);
    OfflineConfig config = OfflineConfig.of(dir).withMaxAge(Duration.ofMillis(100));
    send(topics, 0, 400);
    try (OfflineStore store = OfflineStore.start(kafka.connection(), group, topics, config)) {
      awaitArchived(group, topics);
    }
    // A crash after the group committed but before the newest file was in place, mid-write.
    Path newest = newestFile(dir.resolve(OfflineLayout.EVENTS));
    Files.move(newest, newest.resolveSibling(newest.getFileName() + ".tmp"));

    send(topics, 400, 200);
    try (OfflineStore store = OfflineStore.start(kafka.connection(), group, topics, config)) {
      awaitArchived(group, topics);
      Wait.until(
          Duration.ofSeconds(20), () -> rows() == 600, () -> "600 archived rows, found " + rows());
    }
    assertThat(distinctRecords()).isEqualTo(600);
    try (Stream<Path> files = Files.walk(dir.resolve(OfflineLayout.EVENTS))) {
      List<String> names = files.map(p -> p.getFileName().toString()).toList();
      assertThat(names).noneMatch(n -> n.endsWith(".tmp"));
      assertThat(names).contains("date=2026-11-01", "date=2026-11-02");
    }
  }

  @Test
  void shouldWriteOneFilePerDateOfABatchWhenDatesInterleave(TestInfo info) throws Exception {
    String group = TestNames.safeUniqueTestName(info);
    Topics topics = KafkaProbe.uniqueTopics(kafka, info);
    // Old enough to take each partition's backlog in one flush however slow the machine is.
    OfflineConfig config = OfflineConfig.of(dir).withMaxAge(Duration.ofSeconds(2));
    // As in a feature log fed by several stream tasks: the event date flips record by record.
    send(topics, 0, 400, n -> DAY_ONE.plus(Duration.ofDays(n % 2)).plusSeconds(n));
    try (OfflineStore store = OfflineStore.start(kafka.connection(), group, topics, config)) {
      awaitArchived(group, topics);
    }
    List<Path> files = parquetFiles();
    assertThat(files)
        .as("one file per date and flush, not one per flip")
        .hasSizeLessThan(20)
        .allMatch(f -> f.getFileName().toString().endsWith("-n2.parquet"));
    // A crash between moving a flush's first file into place and its second.
    Files.delete(files.stream()
        .max(Comparator.comparing(p -> p.getFileName().toString()))
        .orElseThrow());

    send(topics, 400, 200, n -> DAY_ONE.plus(Duration.ofDays(n % 2)).plusSeconds(n));
    try (OfflineStore store = OfflineStore.start(kafka.connection(), group, topics, config)) {
      awaitArchived(group, topics);
      Wait.until(
          Duration.ofSeconds(20), () -> rows() == 600, () -> "600 archived rows, found " + rows());
    }
    assertThat(distinctRecords()).isEqualTo(600);
  }

  @Test
  void shouldCommitNothingWhileItCannotWriteAndResumeExactlyOnceWhenItCan(TestInfo info)
      throws Exception {
    String group = TestNames.safeUniqueTestName(info);
    Topics topics = KafkaProbe.uniqueTopics(kafka, info);
    OfflineConfig config = OfflineConfig.of(dir).withMaxAge(Duration.ofMillis(100));
    send(topics, 0, 300); // 22:00 on day one to 02:59 on day two, in every partition
    // Day two's directory cannot be created: a file holds its name, as a full or read-only disk
    // refuses the write.
    Path blocked = dir.resolve(OfflineLayout.EVENTS).resolve("date=2026-11-02");
    Files.createDirectories(blocked.getParent());
    Files.writeString(blocked, "in the way");
    try (OfflineStore store = OfflineStore.start(kafka.connection(), group, topics, config);
        Admin admin = Admin.create(kafka.clientProperties())) {
      Thread.sleep(3_000);
      assertThat(PipelineLag.of(
              admin,
              OfflineStore.group(group, OfflineLayout.EVENTS),
              topics.events().name()))
          .as("nothing committed while no batch could be written")
          .isEqualTo(300);
      assertThat(parquetFiles()).as("no file of a failed flush is left").isEmpty();

      Files.delete(blocked);
      send(topics, 300, 100);
      awaitArchived(group, topics);
      Wait.until(
          Duration.ofSeconds(30), () -> rows() == 400, () -> "400 archived rows, found " + rows());
    }
    assertThat(distinctRecords()).isEqualTo(400);
  }

  private List<Path> parquetFiles() throws IOException {
    try (Stream<Path> files = Files.walk(dir.resolve(OfflineLayout.EVENTS))) {
      return files.filter(p -> p.toString().endsWith(".parquet")).toList();
    }
  }

  private void send(Topics topics, int from, int count) {
    send(topics, from, count, n -> DAY_ONE.plusSeconds(n * 60L));
  }

  private void send(Topics topics, int from, int count, IntFunction<Instant> time) {
    for (int n = from; n < from + count; n++) {
      UserEvent e = Events.viewed("u" + n % 13, "i" + n % 7).at(time.apply(n)).build();
      KafkaProbe.send(
          kafka,
          new ProducerRecord<>(
              topics.events().name(),
              null,
              e.getTimestamp().toEpochMilli(),
              e.getUserId().getBytes(StandardCharsets.UTF_8),
              Codecs.USER_EVENT.encode(e)));
    }
  }

  private void awaitArchived(String group, Topics topics) {
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      Wait.until(
          Duration.ofSeconds(30),
          () -> PipelineLag.of(
                  admin,
                  OfflineStore.group(group, OfflineLayout.EVENTS),
                  topics.events().name())
              == 0,
          () -> "the events archiver to catch up");
    }
  }

  private static Path newestFile(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().endsWith(".parquet"))
          .max(Comparator.comparing(p -> p.getFileName().toString().substring(5)))
          .orElseThrow();
    }
  }

  private long rows() {
    return query("SELECT count(*) FROM read_parquet("
        + DuckDb.literal(new OfflineLayout(dir).glob(OfflineLayout.EVENTS)) + ")");
  }

  private long distinctRecords() {
    return query("SELECT count(DISTINCT (kafka_partition, kafka_offset)) FROM read_parquet("
        + DuckDb.literal(new OfflineLayout(dir).glob(OfflineLayout.EVENTS)) + ")");
  }

  private static long query(String sql) {
    try (DuckDb db = DuckDb.inMemory();
        Statement s = db.connection().createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
