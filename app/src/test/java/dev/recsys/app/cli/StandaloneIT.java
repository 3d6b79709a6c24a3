package dev.recsys.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recsys.testkit.UserOrderedRatings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code recsys standalone} from a user-ordered ratings file and an items file to served
 * recommendations, checked over HTTP; started again on the same data dir it serves without
 * loading the files twice, and it refuses other files into that dir.
 */
class StandaloneIT {
  @TempDir
  Path dir;

  @Test
  void shouldServeFromTheFilesAndServeAgainAfterARestartWithoutReloading() throws IOException {
    Path ratings = UserOrderedRatings.write(dir.resolve("ratings.csv"), 80, 4_000, 11);
    Path movies = movies(dir.resolve("movies.csv"));
    Path data = dir.resolve("data");

    String first = CliRun.run(0, standalone(ratings, movies, data));
    assertThat(first)
        .contains("items: read 9,000, loaded 9,000, rejected 0")
        .contains("events: read 4,000, loaded 4,000, rejected 0")
        .contains("sorted by event time before publishing")
        .contains("computing features of 4,000 events")
        .contains("4,000 of 4,000 events accepted")
        .contains("trained and promoted ranker")
        .containsPattern("ok +GET /v1/users/\\d+/recommendations\\?k=10 -> 200")
        .contains("check passed");

    String second = CliRun.run(0, standalone(ratings, movies, data));
    assertThat(second)
        .contains("already loaded: " + ratings.getParent().resolve("movies.csv").toAbsolutePath())
        .contains("not loading again")
        .contains("computing features of 4,000 events")
        .contains("models and index found")
        .doesNotContain("events: read")
        .doesNotContain("trained and promoted ranker")
        .contains("check passed");

    Path other = UserOrderedRatings.write(dir.resolve("other.csv"), 10, 100, 12);
    assertThat(CliRun.run(2, standalone(other, movies, data)))
        .contains("already holds")
        .contains("a new --data-dir for");
  }

  private static String[] standalone(Path ratings, Path movies, Path data) {
    List<String> args = new ArrayList<>(List.of(
        "standalone",
        "--events",
        ratings.toString(),
        "--map",
        UserOrderedRatings.MAPPING,
        "--time-unit",
        "seconds",
        "--type",
        "rating",
        "--items",
        movies.toString(),
        "--items-map",
        "item_id=movieId,tags=genres",
        "--data-dir",
        data.toString(),
        "--port",
        "0",
        "--check"));
    return args.toArray(String[]::new);
  }

  /** The 9,000 movies the ratings name, MovieLens-style: movieId,title,genres. */
  private static Path movies(Path file) throws IOException {
    StringBuilder csv = new StringBuilder("movieId,title,genres\n");
    String[] genres = {"Comedy", "Drama|Romance", "Action|Thriller", "Animation|Children"};
    for (int movie = 1; movie <= 9_000; movie++) {
      csv.append(movie)
          .append(",Movie ")
          .append(movie)
          .append(',')
          .append(genres[movie % genres.length])
          .append('\n');
    }
    return Files.writeString(file, csv);
  }
}
