package dev.recsys.candidates.ann;

import dev.recsys.candidates.vectors.VectorFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The on-disk layout of a saved index: {@code index.properties} (kind, dimensions, params), {@code
 * ids.txt} (one id per ordinal, an empty line for a removed one), {@code vectors.fvecs} (one vector
 * per ordinal) and, for a graph, {@code graph.bin} (JVector's on-heap graph format).
 */
final class IndexFiles {

  static final String PROPERTIES = "index.properties";
  static final String IDS = "ids.txt";
  static final String VECTORS = "vectors.fvecs";
  static final String GRAPH = "graph.bin";

  private IndexFiles() {}

  /** Ids (null for removed ordinals) and vectors of one saved index. */
  record Contents(AnnParams params, int dimensions, List<String> ids, List<float[]> vectors) {}

  static void writeTable(Path dir, String kind, AnnParams params, ItemTable table) {
    try {
      Files.createDirectories(dir);
      int upper = table.size();
      List<String> lines = new ArrayList<>(upper);
      List<float[]> vectors = new ArrayList<>(upper);
      for (int ordinal = 0; ordinal < upper; ordinal++) {
        Slot slot = table.slot(ordinal);
        lines.add(table.live(ordinal) ? slot.itemId() : "");
        vectors.add(slot.values());
      }
      Files.write(dir.resolve(IDS), lines, StandardCharsets.UTF_8);
      VectorFiles.writeFvecs(dir.resolve(VECTORS), vectors);
      writeProperties(dir, kind, params, table.dimension());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot save index to " + dir + "; check the directory is writable", e);
    }
  }

  static AnnIndex load(Path dir) {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(dir.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
      properties.load(in);
      AnnParams params = paramsOf(properties);
      int dimensions = Integer.parseInt(properties.getProperty("dimensions"));
      List<String> ids =
          new ArrayList<>(Files.readAllLines(dir.resolve(IDS), StandardCharsets.UTF_8));
      ids.replaceAll(id -> id.isEmpty() ? null : id);
      List<float[]> vectors =
          ids.isEmpty() ? List.of() : VectorFiles.readFvecs(dir.resolve(VECTORS));
      Contents contents = new Contents(params, dimensions, ids, vectors);
      String kind = properties.getProperty("kind");
      return switch (kind) {
        case "graph" -> JVectorIndex.load(contents, dir.resolve(GRAPH));
        case "exact" -> ExactIndex.load(contents);
        default ->
          throw new IllegalArgumentException("unknown index kind '" + kind + "' in " + dir);
      };
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot load index from "
              + dir
              + "; expected the files written by AnnIndex.save ("
              + PROPERTIES
              + ", "
              + IDS
              + ", ...)",
          e);
    }
  }

  private static void writeProperties(Path dir, String kind, AnnParams params, int dimensions)
      throws IOException {
    Properties properties = new Properties();
    properties.setProperty("format", "1");
    properties.setProperty("kind", kind);
    properties.setProperty("dimensions", Integer.toString(dimensions));
    properties.setProperty("degree", Integer.toString(params.degree()));
    properties.setProperty("beamWidth", Integer.toString(params.beamWidth()));
    properties.setProperty("neighborOverflow", Float.toString(params.neighborOverflow()));
    properties.setProperty("alpha", Float.toString(params.alpha()));
    properties.setProperty("hierarchy", Boolean.toString(params.hierarchy()));
    properties.setProperty("searchWidth", Integer.toString(params.searchWidth()));
    properties.setProperty("overquery", Float.toString(params.overquery()));
    properties.setProperty("similarity", params.similarity().name());
    try (Writer out = Files.newBufferedWriter(dir.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
      properties.store(out, "recsys ANN index");
    }
  }

  private static AnnParams paramsOf(Properties p) {
    return new AnnParams(
        Integer.parseInt(p.getProperty("degree")),
        Integer.parseInt(p.getProperty("beamWidth")),
        Float.parseFloat(p.getProperty("neighborOverflow")),
        Float.parseFloat(p.getProperty("alpha")),
        Boolean.parseBoolean(p.getProperty("hierarchy")),
        Integer.parseInt(p.getProperty("searchWidth")),
        Float.parseFloat(p.getProperty("overquery")),
        Similarity.valueOf(p.getProperty("similarity")));
  }
}
