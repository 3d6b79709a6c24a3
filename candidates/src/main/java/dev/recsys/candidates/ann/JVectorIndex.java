package dev.recsys.candidates.ann;

import io.github.jbellis.jvector.disk.ReaderSupplier;
import io.github.jbellis.jvector.disk.ReaderSupplierFactory;
import io.github.jbellis.jvector.disk.SimpleMappedReader;
import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.OnHeapGraphIndex;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * JVector graph index (HNSW layers over a Vamana/DiskANN base layer) kept on heap so it can take
 * additions while serving, searched by {@link BeamSearch} (p50 about 28 % under JVector's own
 * searcher at equal recall). Removal is immediate through the liveness bit and also marks the
 * graph node deleted; deleted nodes are purged from the graph when it is saved. Searches,
 * upserts and removes run concurrently; {@link #save} briefly excludes them.
 */
final class JVectorIndex implements AnnIndex {

  private final ItemTable table;
  private final AnnParams params;
  private final PageScores scores;
  private final GraphIndexBuilder builder;
  private final ThreadLocal<BeamSearch> searchers = ThreadLocal.withInitial(BeamSearch::new);
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  private JVectorIndex(ItemTable table, AnnParams params) {
    this.table = table;
    this.params = params;
    this.scores = new PageScores(table, euclidean(params));
    this.builder = new GraphIndexBuilder(
        scores,
        table.dimension(),
        params.degree(),
        params.beamWidth(),
        params.neighborOverflow(),
        params.alpha(),
        params.hierarchy(),
        true);
  }

  /**
   * Cosine is searched as a dot product over unit-length copies of the vectors: the same order
   * and the same scores, for a third of the arithmetic per comparison.
   */
  private static boolean unitVectors(AnnParams params) {
    return params.similarity() == Similarity.COSINE;
  }

  /** Cosine and dot product are both scored as a dot product of the graph-form vectors. */
  private static boolean euclidean(AnnParams params) {
    return params.similarity() == Similarity.EUCLIDEAN;
  }

  static JVectorIndex build(
      int dimensions, List<String> ids, List<float[]> vectors, AnnParams params) {
    if (ids.size() != vectors.size()) {
      throw new IllegalArgumentException(ids.size() + " ids but " + vectors.size() + " vectors");
    }
    if (new HashSet<>(ids).size() != ids.size()) {
      throw new IllegalArgumentException(
          "item ids must be unique; deduplicate before building the index");
    }
    JVectorIndex index = new JVectorIndex(new ItemTable(dimensions, unitVectors(params)), params);
    for (int i = 0; i < ids.size(); i++) {
      index.table.append(ids.get(i), vectors.get(i));
    }
    if (!ids.isEmpty()) {
      index.builder.build(index.table);
    }
    for (int ordinal = 0; ordinal < ids.size(); ordinal++) {
      index.table.publish(ordinal);
    }
    return index;
  }

  static JVectorIndex load(IndexFiles.Contents contents, Path graphFile) throws IOException {
    JVectorIndex index = new JVectorIndex(
        new ItemTable(contents.dimensions(), unitVectors(contents.params())), contents.params());
    List<String> ids = contents.ids();
    for (int ordinal = 0; ordinal < ids.size(); ordinal++) {
      String id = ids.get(ordinal);
      index.table.append(id == null ? "" : id, contents.vectors().get(ordinal));
    }
    if (Files.exists(graphFile)) {
      try (var readers = graphReaders(graphFile);
          var reader = readers.get()) {
        index.builder.load(reader);
      }
    }
    for (int ordinal = 0; ordinal < ids.size(); ordinal++) {
      if (ids.get(ordinal) != null) {
        index.table.publish(ordinal);
      }
    }
    return index;
  }

  /**
   * A graph under 2 GiB is read through one mapped buffer: loading reads every edge, and the
   * chunked reader JVector falls back to without its native library took twice as long.
   */
  private static ReaderSupplier graphReaders(Path graphFile) throws IOException {
    return Files.size(graphFile) < Integer.MAX_VALUE
        ? new SimpleMappedReader.Supplier(graphFile)
        : ReaderSupplierFactory.open(graphFile);
  }

  @Override
  public AnnResult search(float[] query, int k, ItemFilter filter) {
    return search(query, k, filter, params.widthFor(k));
  }

  @Override
  public AnnResult search(float[] query, int k, ItemFilter filter, int searchWidth) {
    table.checkDimensions("query", query);
    if (k <= 0) {
      throw new IllegalArgumentException("k must be > 0, got " + k);
    }
    lock.readLock().lock();
    try {
      if (builder.getGraph().size(0) == 0) {
        return AnnResult.EMPTY;
      }
      float[] probe = unitVectors(params) ? ItemTable.unit(query) : query.clone();
      PageScore score = scores.scoreFor(ItemTable.VTS.createFloatVector(probe));
      int width = Math.max(k, searchWidth);
      BeamSearch.Found found = searchers
          .get()
          .search(
              builder.getGraph().getView(), score, k, width, ordinal -> accepts(ordinal, filter));
      return new AnnResult(liveItems(found, filter), found.scored(), width);
    } finally {
      lock.readLock().unlock();
    }
  }

  private boolean accepts(int ordinal, ItemFilter filter) {
    return table.live(ordinal)
        && (filter == ItemFilter.ALL || filter.accepts(table.slot(ordinal).itemId()));
  }

  /** Re-checks liveness after the search, so a remove that finished meanwhile is honoured too. */
  private List<ScoredItem> liveItems(BeamSearch.Found found, ItemFilter filter) {
    int[] nodes = found.nodes();
    List<ScoredItem> items = new ArrayList<>(nodes.length);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < nodes.length; i++) {
      String itemId = table.slot(nodes[i]).itemId();
      if (table.live(nodes[i])
          && (filter == ItemFilter.ALL || filter.accepts(itemId))
          && seen.add(itemId)) {
        items.add(new ScoredItem(itemId, found.scores()[i]));
      }
    }
    return items;
  }

  @Override
  public void upsert(String itemId, float[] vector) {
    lock.readLock().lock();
    try {
      int ordinal = table.append(itemId, vector);
      builder.addGraphNode(ordinal, table.getVector(ordinal));
      int previous = table.publish(ordinal);
      if (previous >= 0) {
        builder.markNodeDeleted(previous);
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public boolean remove(String itemId) {
    lock.readLock().lock();
    try {
      int ordinal = table.remove(itemId);
      if (ordinal >= 0) {
        builder.markNodeDeleted(ordinal);
      }
      return ordinal >= 0;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Optional<float[]> vector(String itemId) {
    return table.vectorOf(itemId);
  }

  @Override
  public boolean contains(String itemId) {
    return table.contains(itemId);
  }

  @Override
  public int size() {
    return table.liveCount();
  }

  @Override
  public int dimensions() {
    return table.dimension();
  }

  @Override
  public AnnParams params() {
    return params;
  }

  @Override
  public void save(Path dir) {
    lock.writeLock().lock();
    try {
      IndexFiles.writeTable(dir, "graph", params, table);
      Path graphFile = dir.resolve(IndexFiles.GRAPH);
      Files.deleteIfExists(graphFile);
      builder.cleanup();
      OnHeapGraphIndex graph = (OnHeapGraphIndex) builder.getGraph();
      if (graph.size(0) > 0) {
        try (var out =
            new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(graphFile)))) {
          graph.save(out);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot save graph to " + dir + "; check the directory is writable", e);
    } finally {
      lock.writeLock().unlock();
    }
  }
}
