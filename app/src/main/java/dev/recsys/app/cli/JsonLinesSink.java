package dev.recsys.app.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import dev.recsys.ingest.generate.DatasetSink;
import dev.recsys.schemas.avro.ItemUpdate;
import dev.recsys.schemas.avro.UserEvent;
import dev.recsys.schemas.json.EventJson;
import dev.recsys.schemas.json.ItemJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a generated data set as two JSON-lines files in the contract's JSON form. */
final class JsonLinesSink implements DatasetSink, AutoCloseable {
  private static final JsonFactory FACTORY = new JsonFactory();
  private final JsonGenerator items;
  private final JsonGenerator events;

  JsonLinesSink(Path itemsFile, Path eventsFile) throws IOException {
    this.items = open(itemsFile);
    this.events = open(eventsFile);
  }

  private static JsonGenerator open(Path file) throws IOException {
    JsonGenerator generator = FACTORY.createGenerator(Files.newBufferedWriter(file));
    generator.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
    return generator;
  }

  @Override
  public void item(ItemUpdate item) {
    try {
      ItemJson.write(item, items);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write items", e);
    }
  }

  @Override
  public void event(UserEvent event) {
    try {
      EventJson.write(event, events);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write events", e);
    }
  }

  @Override
  public void close() throws IOException {
    items.writeRaw('\n');
    events.writeRaw('\n');
    items.close();
    events.close();
  }
}
