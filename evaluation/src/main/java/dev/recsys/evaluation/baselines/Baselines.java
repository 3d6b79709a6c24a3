package dev.recsys.evaluation.baselines;

import dev.recsys.candidates.embeddings.AlsParams;
import dev.recsys.evaluation.split.TemporalSplit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The baselines of {@code recsys evaluate --protocol split}, and their tuning grids. */
public final class Baselines {
  /**
   * EASE's lambda grid, a factor of 3 to 5 apart around Steck's values for MovieLens; 10,000
   * because small ratings sets chose 3,000, the former edge, on validation.
   */
  public static final List<Double> EASE_LAMBDAS =
      List.of(10.0, 50.0, 200.0, 800.0, 3000.0, 10000.0);

  public static final Duration RECENT = Duration.ofDays(30);

  private Baselines() {}

  /** Every baseline in the order of the report. */
  public static List<Baseline<?>> all() {
    return List.of(
        ease(EASE_LAMBDAS),
        als(alsGrid()),
        itemKnn(ItemKnn.DEFAULT_NEIGHBOURS),
        popularity(),
        recentPopularity(RECENT));
  }

  public static Baseline<Double> ease(List<Double> lambdas) {
    return of(
        "ease",
        lambdas,
        (data, split, lambda) -> Ease.fit(data, lambda, Ease.DEFAULT_MAX_ITEMS),
        lambda -> String.format(Locale.ROOT, "lambda=%.0f", lambda));
  }

  /**
   * Factors 32..128, confidence scale 1 or 10, regularisation 0.1, 10 or 100: eighteen fits (100
   * because every data set chose 10, the former edge, on validation).
   */
  public static List<AlsParams> alsGrid() {
    List<AlsParams> grid = new ArrayList<>();
    for (int factors : new int[] {32, 64, 128}) {
      for (float alpha : new float[] {1f, 10f}) {
        for (float regularization : new float[] {0.1f, 10f, 100f}) {
          grid.add(AlsParams.DEFAULT
              .withFactors(factors)
              .withAlpha(alpha)
              .withRegularization(regularization));
        }
      }
    }
    return grid;
  }

  public static Baseline<AlsParams> als(List<AlsParams> grid) {
    return of(
        "ials",
        grid,
        (data, split, params) -> AlsModel.fit(data, params),
        p -> String.format(
            Locale.ROOT,
            "factors=%d alpha=%.0f reg=%.1f",
            p.factors(),
            p.alpha(),
            p.regularization()));
  }

  public static Baseline<Integer> itemKnn(int neighbours) {
    return of(
        "item-knn",
        List.of(neighbours),
        (data, split, k) -> ItemKnn.fit(data, k),
        k -> "cosine, top " + k);
  }

  public static Baseline<Integer> popularity() {
    return of(
        "popularity",
        List.of(0),
        (data, split, none) -> Popularity.of(data, split.training()),
        none -> "all training events");
  }

  public static Baseline<Duration> recentPopularity(Duration window) {
    return of(
        "recent-popularity",
        List.of(window),
        (data, split, w) -> Popularity.since(data, split.training(), split.at() - w.toMillis()),
        w -> "last " + w.toDays() + " days");
  }

  /** How a setting is fitted. */
  @FunctionalInterface
  interface Fit<P> {
    ScoreModel fit(TrainingData data, TemporalSplit split, P setting);
  }

  private static <P> Baseline<P> of(
      String name, List<P> grid, Fit<P> fit, java.util.function.Function<P, String> describe) {
    List<P> settings = List.copyOf(grid);
    return new Baseline<>() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<P> grid() {
        return settings;
      }

      @Override
      public ScoreModel fit(TrainingData data, TemporalSplit split, P setting) {
        return fit.fit(data, split, setting);
      }

      @Override
      public String describe(P setting) {
        return describe.apply(setting);
      }
    };
  }
}
