package dev.recsys.ingest.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV or JSON-lines file row by row into JSON objects whose fields are the contract's,
 * after the column mapping and unit conversion. Counts the bytes consumed for progress.
 */
final class RowReader implements Closeable {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final java.util.List<String> PASSTHROUGH =
      java.util.List.of("context", "attributes");
  private final CountingInput input;
  private final BufferedReader reader;
  private final LoadOptions options;
  private final Map<String, FieldKind> fields;
  private final Iterator<CSVRecord> csv;
  private long line;

  RowReader(Path file, LoadOptions options, Map<String, FieldKind> fields) throws IOException {
    this.input = CountingInput.open(file);
    this.reader =
        new BufferedReader(new InputStreamReader(input.stream(), StandardCharsets.UTF_8), 1 << 16);
    this.options = options;
    this.fields = fields;
    this.csv = options.format() == FileFormat.CSV ? openCsv() : null;
  }

  /** The next row, or null at the end of the file. */
  Row next() {
    try {
      return csv != null ? nextCsv() : nextJson();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read line " + line, e);
    }
  }

  long bytesRead() {
    return input.count();
  }

  private Iterator<CSVRecord> openCsv() throws IOException {
    CSVParser parser = CSVFormat.DEFAULT
        .builder()
        .setDelimiter(options.delimiter())
        .setHeader()
        .setSkipHeaderRecord(true)
        .setTrim(true)
        .setIgnoreEmptyLines(true)
        .get()
        .parse(reader);
    java.util.List<String> missing = options.mapping().fieldToColumn().entrySet().stream()
        .filter(entry -> !parser.getHeaderMap().containsKey(entry.getValue()))
        .map(entry -> "column '" + entry.getValue() + "' mapped to " + entry.getKey())
        .sorted()
        .toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          String.join(", ", missing) + " not in the header " + parser.getHeaderNames());
    }
    return parser.iterator();
  }

  private Row nextCsv() {
    if (!csv.hasNext()) {
      return null;
    }
    CSVRecord record = csv.next();
    line = record.getRecordNumber() + 1;
    ObjectNode node = MAPPER.createObjectNode();
    fields.forEach((field, kind) -> {
      String column = options.mapping().column(field);
      if (record.isMapped(column) && record.isSet(column) && !record.get(column).isEmpty()) {
        node.set(field, kind.fromText(record.get(column), options));
      }
    });
    return withType(new Row(line, node, null));
  }

  private Row nextJson() throws IOException {
    String text;
    do {
      text = reader.readLine();
      line++;
    } while (text != null && text.isBlank());
    if (text == null) {
      return null;
    }
    JsonNode parsed;
    try {
      parsed = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return new Row(line, null, "malformed JSON: " + e.getOriginalMessage());
    }
    if (!parsed.isObject()) {
      return new Row(line, null, "each line must be a JSON object");
    }
    ObjectNode node = MAPPER.createObjectNode();
    fields.forEach((field, kind) -> {
      JsonNode value = parsed.get(options.mapping().column(field));
      if (value != null && !value.isNull()) {
        node.set(field, kind.fromJson(value, options));
      }
    });
    copyExtras(parsed, node);
    return withType(new Row(line, node, null));
  }

  /** The free-form maps pass through as they are; other unmapped fields are ignored. */
  private static void copyExtras(JsonNode parsed, ObjectNode node) {
    for (String map : PASSTHROUGH) {
      JsonNode value = parsed.get(map);
      if (value != null) {
        node.set(map, value);
      }
    }
  }

  private Row withType(Row row) {
    options.constantType().ifPresent(type -> {
      if (!row.node().has("type")) {
        row.node().put("type", type.name().toLowerCase(java.util.Locale.ROOT));
      }
    });
    return row;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  /** One row: its line number and either the contract-shaped object or why it is malformed. */
  record Row(long line, ObjectNode node, String malformed) {}
}
