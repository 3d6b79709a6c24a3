package dev.recsys.ranking.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recsys.ranking.RankingException;
import dev.recsys.ranking.SyntheticTrainingSets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingSetsTest {
  @TempDir
  Path dir;

  @Test
  void shouldReadParquetRowsInManifestFeatureOrderSortedByTime() {
    TrainingSet written = SyntheticTrainingSets.generate(50, 6, 7L);
    SyntheticTrainingSets.write(written, dir);

    TrainingSet read = TrainingSets.read(dir);

    assertThat(read.featureNames()).isEqualTo(SyntheticTrainingSets.FEATURES);
    assertThat(read.rows()).isEqualTo(300);
    assertThat(read.fingerprint()).isEqualTo(SyntheticTrainingSets.FINGERPRINT);
    assertThat(read.timestamps()).isSorted();
    assertThat(read.positives()).isEqualTo(written.positives());
    assertThat(read.features()).containsExactly(written.features());
    assertThat(read.labels()).containsExactly(written.labels());
  }

  @Test
  void shouldRefuseAManifestThatDisagreesWithTheParquetRows() throws Exception {
    SyntheticTrainingSets.write(SyntheticTrainingSets.generate(10, 5, 7L), dir);
    Path manifest = dir.resolve(TrainingSetManifest.FILE_NAME);
    String json = Files.readString(manifest);
    Files.writeString(
        manifest,
        json.replaceFirst("\"rows\": 50", "\"rows\": 60")
            .replaceFirst("\"negatives\": (\\d+)", "\"negatives\": " + (60 - positives(json))));

    assertThatThrownBy(() -> TrainingSets.read(dir))
        .isInstanceOf(RankingException.class)
        .hasMessageContaining("says 60 rows but the Parquet files hold fewer (50)");
  }

  @Test
  void shouldHoldOutTheLatestRowsByTime() {
    TrainingSet set = SyntheticTrainingSets.generate(100, 5, 7L);

    TimeSplit split = set.splitByTime(TimeSplit.DEFAULT_HOLDOUT_FRACTION);

    assertThat(split.holdout().rows()).isEqualTo(100);
    assertThat(split.train().rows()).isEqualTo(400);
    assertThat(split.train().timestamps()[399]).isLessThan(split.holdoutFromMs());
    assertThat(split.holdout().timestamps()[0]).isEqualTo(split.holdoutFromMs());
  }

  @Test
  void shouldKeepRowsSharingTheBoundaryTimestampTogether() {
    TrainingSet set = SyntheticTrainingSets.generate(10, 3, 7L);

    TimeSplit split = set.splitByTime(0.25);

    assertThat(split.holdout().rows()).isEqualTo(9);
  }

  private static int positives(String json) {
    return Integer.parseInt(json.replaceAll("(?s).*\"positives\": (\\d+).*", "$1"));
  }
}
