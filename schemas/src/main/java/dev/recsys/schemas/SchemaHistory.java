package dev.recsys.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * Released schema versions, kept as {@code history/<Name>.v<N>.avsc} resources. A released
 * version is never edited or removed: records written with it must stay readable forever.
 */
final class SchemaHistory {
  private static final String FOLDER = "/dev/recsys/schemas/history/";

  private SchemaHistory() {}

  /**
   * Every released version of {@code name}, oldest first, each marked current when it is the
   * schema producers write today.
   */
  static List<SchemaVersion> versions(String name, Schema current) {
    List<Schema> released = released(name);
    List<SchemaVersion> versions = new ArrayList<>();
    for (int i = 0; i < released.size(); i++) {
      versions.add(new SchemaVersion(
          name,
          i + 1,
          released.get(i),
          SchemaNormalization.parsingFingerprint64(released.get(i))
              == SchemaNormalization.parsingFingerprint64(current)));
    }
    return List.copyOf(versions);
  }

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
