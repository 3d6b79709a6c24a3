package dev.recsys.candidates.ann;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NodeHeapTest {
  @Test
  void shouldKeepScoreAndNodeThroughTheKeyForNegativeZeroAndPositiveScores() {
    for (float score : new float[] {-3.5f, -0f, 0f, 1e-9f, 0.5f, 1f, Float.MAX_VALUE}) {
      long key = NodeHeap.key(score, 123_456);
      assertThat(NodeHeap.score(key)).isEqualTo(score);
      assertThat(NodeHeap.node(key)).isEqualTo(123_456);
    }
    assertThat(NodeHeap.key(-0.25f, 9)).isLessThan(NodeHeap.key(-0.125f, 1));
    assertThat(NodeHeap.key(-0.125f, 9)).isLessThan(NodeHeap.key(0.125f, 1));
    assertThat(NodeHeap.key(0.5f, 1)).isLessThan(NodeHeap.key(0.5f, 2));
  }

  @Test
  void shouldPopInScoreOrderFromBothEnds() {
    Random random = new Random(7);
    NodeHeap min = NodeHeap.min();
    NodeHeap max = NodeHeap.max();
    List<Float> scores = new ArrayList<>();
    for (int node = 0; node < 500; node++) {
      float score = random.nextFloat() * 2 - 1;
      scores.add(score);
      min.push(score, node);
      max.push(score, node);
    }
    List<Float> ascending = new ArrayList<>();
    List<Float> descending = new ArrayList<>();
    while (!min.isEmpty()) {
      long key = min.pop();
      assertThat(scores.get(NodeHeap.node(key))).isEqualTo(NodeHeap.score(key));
      ascending.add(NodeHeap.score(key));
      descending.add(NodeHeap.score(max.pop()));
    }
    assertThat(ascending).hasSize(500).isSorted();
    Collections.reverse(descending);
    assertThat(descending).isEqualTo(ascending);
    assertThat(max.isEmpty()).isTrue();
  }

  @Test
  void shouldKeepTheBestOfABoundedBeamByReplacingItsWorst() {
    NodeHeap beam = NodeHeap.min();
    for (int node = 0; node < 100; node++) {
      float score = (node * 37 % 100) / 100f;
      if (beam.size() < 10) {
        beam.push(score, node);
      } else if (score > NodeHeap.score(beam.peek())) {
        beam.replaceTop(score, node);
      }
    }
    List<Float> kept = new ArrayList<>();
    while (!beam.isEmpty()) {
      kept.add(NodeHeap.score(beam.pop()));
    }
    assertThat(kept)
        .containsExactly(0.9f, 0.91f, 0.92f, 0.93f, 0.94f, 0.95f, 0.96f, 0.97f, 0.98f, 0.99f);
  }
}
