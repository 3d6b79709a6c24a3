package dev.recsys.testkit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import java.util.TreeSet;

/**
 * Writes a ratings file shaped like MovieLens' {@code ratings.csv}: {@code
 * userId,movieId,rating,timestamp} (seconds), ordered by user, then by movie, so event times
 * interleave: each user rated over a span of their own between 1996 and 2018, in no particular
 * movie order. Seeded, so a test sees the same file every run.
 */
public final class UserOrderedRatings {
  /** The column mapping that loads it: {@code recsys ingest --map ...}. */
  public static final String MAPPING = "user_id=userId,item_id=movieId,value=rating";

  private static final long FIRST = Instant.parse("1996-01-01T00:00:00Z").getEpochSecond();
  private static final long LAST = Instant.parse("2018-09-01T00:00:00Z").getEpochSecond();
  private static final int MOVIES = 9_000;

  private UserOrderedRatings() {}

  /** Writes {@code rows} ratings of about {@code users} users to {@code file}; returns it. */
  public static Path write(Path file, int users, int rows, long seed) {
    Random random = new Random(seed);
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      out.write("userId,movieId,rating,timestamp\n");
      double perUser = rows / (double) users;
      int written = 0;
      for (int user = 1; written < rows; user++) {
        int count = Math.min(Math.min(rows - written, MOVIES), Math.max(1, (int)
            (perUser * (0.2 + 1.6 * random.nextDouble()))));
        long start = FIRST + (long) (random.nextDouble() * (LAST - FIRST));
        long span = Math.min(LAST - start, (long) (random.nextDouble() * 3 * 365 * 86_400L) + 60);
        TreeSet<Integer> movies = new TreeSet<>();
        while (movies.size() < count) {
          movies.add(1 + random.nextInt(MOVIES));
        }
        for (int movie : movies) {
          long time = start + (long) (random.nextDouble() * span);
          out.write(user + "," + movie + "," + (1 + random.nextInt(10)) / 2.0 + "," + time + "\n");
        }
        written += count;
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
