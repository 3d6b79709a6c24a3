package dev.recsys.candidates.ann;

import io.github.jbellis.jvector.graph.ImmutableGraphIndex;
import io.github.jbellis.jvector.graph.NodesIterator;
import io.github.jbellis.jvector.graph.similarity.ScoreFunction;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * One thread's best-first search over a JVector graph's layers, as HNSW searches: a greedy
 * descent through the upper layers to an entry point, then a beam of {@code width} over the base
 * layer, which stops once the best unexplored node scores below the worst of a full beam. Nodes
 * the filter refuses are still walked through, never returned.
 *
 * <p>JVector's own {@code GraphSearcher} spent 23 % of a 24-dimension query in its visited set
 * (a hash set, cleared per query) and 20 % sifting its candidate heap, which takes every scored
 * neighbour (JFR, trained embeddings, width 40). Here the visited set is an array of epochs, one
 * int per node, and a neighbour joins the candidates only when it would enter the beam (FAISS's
 * rule). Nothing is allocated per query but the answer. Not thread-safe: keep one per thread.
 */
final class BeamSearch {
  /** The top nodes, best first, and how many vectors were scored to find them. */
  record Found(int[] nodes, float[] scores, int scored) {}

  private final NodeHeap candidates = NodeHeap.max();
  private final NodeHeap beam = NodeHeap.min();
  private int[] visited = new int[0];
  private int epoch;

  /**
   * The best {@code k} (at most) of the nodes {@code accepts} takes, from a beam of {@code width}
   * (at least k) over {@code view}, scored by {@code score}.
   */
  Found search(
      ImmutableGraphIndex.View view, ScoreFunction score, int k, int width, IntPredicate accepts) {
    ImmutableGraphIndex.NodeAtLevel entry = view.entryNode();
    if (entry == null) {
      return new Found(new int[0], new float[0], 0);
    }
    startEpoch(view.getIdUpperBound());
    int node = entry.node;
    float best = score.similarityTo(node);
    int scored = 1;
    for (int level = entry.level; level > 0; level--) {
      for (boolean moved = true; moved; ) {
        moved = false;
        int from = node;
        for (NodesIterator it = view.getNeighborsIterator(level, from); it.hasNext(); ) {
          int next = it.nextInt();
          float s = score.similarityTo(next);
          scored++;
          if (s > best) {
            best = s;
            node = next;
            moved = true;
          }
        }
      }
    }

    candidates.clear();
    beam.clear();
    mark(node);
    candidates.push(best, node);
    if (accepts.test(node)) {
      beam.push(best, node);
    }
    while (!candidates.isEmpty()) {
      long top = candidates.pop();
      if (beam.size() >= width && NodeHeap.score(top) < NodeHeap.score(beam.peek())) {
        break;
      }
      for (NodesIterator it = view.getNeighborsIterator(0, NodeHeap.node(top)); it.hasNext(); ) {
        int next = it.nextInt();
        if (!mark(next)) {
          continue;
        }
        float s = score.similarityTo(next);
        scored++;
        boolean full = beam.size() >= width;
        if (full && s <= NodeHeap.score(beam.peek())) {
          continue;
        }
        candidates.push(s, next);
        if (accepts.test(next)) {
          if (full) {
            beam.replaceTop(s, next);
          } else {
            beam.push(s, next);
          }
        }
      }
    }
    return answer(k, scored);
  }

  /** The beam's best k, best first. */
  private Found answer(int k, int scored) {
    while (beam.size() > k) {
      beam.pop();
    }
    int n = beam.size();
    int[] nodes = new int[n];
    float[] scores = new float[n];
    for (int i = n - 1; i >= 0; i--) {
      long key = beam.pop();
      nodes[i] = NodeHeap.node(key);
      scores[i] = NodeHeap.score(key);
    }
    return new Found(nodes, scores, scored);
  }

  private void startEpoch(int upperBound) {
    if (visited.length < upperBound) {
      visited = Arrays.copyOf(visited, Math.max(upperBound, visited.length * 2));
    }
    if (++epoch == Integer.MAX_VALUE) {
      Arrays.fill(visited, 0);
      epoch = 1;
    }
  }

  /** Marks the node visited in this query; false if it already was. */
  private boolean mark(int node) {
    if (node >= visited.length) {
      visited = Arrays.copyOf(visited, Math.max(node + 1, visited.length * 2)); // added meanwhile
    }
    if (visited[node] == epoch) {
      return false;
    }
    visited[node] = epoch;
    return true;
  }
}
