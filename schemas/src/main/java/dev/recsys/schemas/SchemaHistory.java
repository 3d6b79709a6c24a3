package dev.recsys.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Released schema versions, kept as {@code history/<Name>.v<N>.avsc} resources. A released
 * version is never edited or removed: records written with it must stay readable forever.
 */
final class SchemaHistory {
  private static final String FOLDER = "/dev/recsys/schemas/history/";

  private SchemaHistory() {}

  /** Every released version of {@code name}, oldest first. */
  public static List<Schema> released(String name) {
    List<Schema> versions = new ArrayList<>();
    for (int version = 1; ; version++) {
      String path = FOLDER + name + ".v" + version + ".avsc";
      try (InputStream in = SchemaHistory.class.getResourceAsStream(path)) {
        if (in == null) {
          break;
        }
        versions.add(new Schema.Parser().parse(in));
      } catch (IOException e) {
        throw new IllegalStateException("cannot read released schema " + path, e);
      }
    }
    if (versions.isEmpty()) {
      throw new IllegalStateException("no released schema for " + name + " under " + FOLDER);
    }
    return List.copyOf(versions);
  }
}
