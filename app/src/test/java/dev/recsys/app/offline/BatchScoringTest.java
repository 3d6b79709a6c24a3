package dev.recsys.app.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recsys.candidates.ann.ScoredItem;
import dev.recsys.features.parquet.DuckDb;
import dev.recsys.serving.recommend.Readiness;
import dev.recsys.serving.recommend.RecommendRequest;
import dev.recsys.serving.recommend.Recommendation;
import dev.recsys.serving.recommend.RecommendedItem;
import dev.recsys.serving.recommend.Recommender;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch scoring's own work: fanning users out to workers and writing every answer to Parquet
 * once. The recommender here is a fixed function of the user id (the pipeline has its own tests).
 */
class BatchScoringTest {
  @TempDir
  Path out;

  @Test
  void shouldWriteOneRowPerUserAndRankForEveryUserWhateverTheWorkers() throws Exception {
    List<String> users = IntStream.range(0, 2_500).mapToObj(i -> "u" + i).toList();
    List<Long> progress = new ArrayList<>();

    BatchScoring.Summary summary =
        new BatchScoring(new Fixed(), 3, 4).run(users, out, progress::add);

    assertThat(summary.users()).isEqualTo(2_500);
    assertThat(summary.rows()).isEqualTo(7_500);
    assertThat(summary.degraded()).as("every fifth user").isEqualTo(500);
    assertThat(progress).last().isEqualTo(2_500L);
    try (DuckDb db = DuckDb.inMemory();
        Statement s = db.connection().createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT user_id), "
            + "min(rank), max(rank), count(*) FILTER (WHERE item_id = user_id || '-i' || rank) "
            + "FROM read_parquet("
            + DuckDb.literal(out.resolve(BatchScoring.FILE).toString())
            + ")")) {
      rs.next();
      assertThat(List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
          .containsExactly(7_500L, 2_500L, 0L, 2L, 7_500L);
    }
  }

  /** Item {@code <user>-i<rank>} at each rank; every fifth user is answered degraded. */
  private static final class Fixed implements Recommender {
    @Override
    public Recommendation recommend(RecommendRequest request) {
      String user = request.userId();
      List<RecommendedItem> items = IntStream.range(0, request.k())
          .mapToObj(rank -> new RecommendedItem(
              user + "-i" + rank, 1.0 / (rank + 1), rank, Set.of("test"), Optional.empty()))
          .toList();
      boolean degraded = Integer.parseInt(user.substring(1)) % 5 == 0;
      return new Recommendation(
          "r-" + user, user, "m1", items, 1, 0, degraded ? List.of("features") : List.of());
    }

    @Override
    public List<ScoredItem> similar(String itemId, int k) {
      return List.of();
    }

    @Override
    public Readiness readiness() {
      return new Readiness(List.of());
    }

    @Override
    public void close() {}
  }
}
