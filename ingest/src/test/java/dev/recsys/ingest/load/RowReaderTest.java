package dev.recsys.ingest.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recsys.schemas.avro.EventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowReaderTest {
  @TempDir
  Path dir;

  private LoadOptions movieLens(FileFormat format) {
    return new LoadOptions(
        format,
        ColumnMapping.parse(
            "user_id=userId,item_id=movieId,value=rating", FileLoader.eventFields()),
        LoadOptions.TimeUnit.SECONDS,
        Optional.of(EventType.RATING),
        ',',
        TimeOrdering.sorted());
  }

  @Test
  void shouldMapAPublicRatingsCsvWithoutEditingIt() throws IOException {
    Path file = Files.writeString(
        dir.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n1,31,2.5,1260759144\n");
    try (RowReader rows = new RowReader(file, movieLens(FileFormat.CSV), FieldKind.EVENT_FIELDS)) {
      RowReader.Row row = rows.next();
      assertThat(row.node().get("user_id").textValue()).isEqualTo("1");
      assertThat(row.node().get("item_id").textValue()).isEqualTo("31");
      assertThat(row.node().get("timestamp").longValue()).isEqualTo(1_260_759_144_000L);
      assertThat(row.node().get("value").doubleValue()).isEqualTo(2.5);
      assertThat(row.node().get("type").textValue()).isEqualTo("rating");
      assertThat(rows.next()).isNull();
    }
  }

  @Test
  void shouldReportAMalformedJsonLineAndGoOn() throws IOException {
    Path file = Files.writeString(
        dir.resolve("events.jsonl"),
        "{\"userId\":\"1\",\"movieId\":\"2\",\"timestamp\":5}\nnot json\n");
    try (RowReader rows =
        new RowReader(file, movieLens(FileFormat.JSONL), FieldKind.EVENT_FIELDS)) {
      assertThat(rows.next().node().get("timestamp").longValue()).isEqualTo(5000);
      RowReader.Row bad = rows.next();
      assertThat(bad.line()).isEqualTo(2);
      assertThat(bad.malformed()).startsWith("malformed JSON");
    }
  }

  @Test
  void shouldNameAMappedColumnMissingFromTheHeader() throws IOException {
    Path file = Files.writeString(dir.resolve("r.csv"), "user,movieId\n1,2\n");
    assertThatThrownBy(() -> new RowReader(file, movieLens(FileFormat.CSV), FieldKind.EVENT_FIELDS))
        .hasMessage("column 'rating' mapped to value, column 'userId' mapped to user_id not in "
            + "the header [user, movieId]");
  }
}
