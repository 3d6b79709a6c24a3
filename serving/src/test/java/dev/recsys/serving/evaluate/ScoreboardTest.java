package dev.recsys.serving.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreboardTest {

  @Test
  void shouldScoreEachAnswerByTheRankOfTheOneRelevantItem() {
    Scoreboard board = new Scoreboard(new int[] {1, 3});
    board.add(List.of("a", "b", "c"), "a");
    board.add(List.of("a", "b", "c"), "c");
    board.add(List.of("d"), "x");

    Figures top1 = board.at(0, 10);
    Figures top3 = board.at(1, 10);
    assertThat(top1.recall()).isCloseTo(1 / 3.0, within(1e-12));
    assertThat(top3.recall()).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(top3.ndcg()).isCloseTo((1 + 1 / (Math.log(4) / Math.log(2))) / 3, within(1e-12));
    assertThat(top3.map()).isCloseTo((1 + 1 / 3.0) / 3, within(1e-12));
    assertThat(top1.coverage()).as("a and d of 10 items").isCloseTo(0.2, within(1e-12));
    assertThat(top3.coverage()).isCloseTo(0.4, within(1e-12));
  }
}
