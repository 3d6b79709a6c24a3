package dev.recsys.evaluation.baselines;

import dev.recsys.evaluation.split.SplitEvaluation;
import dev.recsys.evaluation.split.SplitMode;
import dev.recsys.evaluation.split.SplitRecommender;
import dev.recsys.evaluation.split.TemporalSplit;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Fits every baseline on a split's training events, each setting chosen per mode by NDCG@10 on
 * the validation split carved from the end of the training period (never on the test period).
 */
public final class BaselineSuite {
  private BaselineSuite() {}

  /**
   * Each mode's fitted models by baseline name, the training data they index, and the setting
   * each one was fitted with.
   */
  public record Fitted(
      TrainingData data,
      Map<SplitMode, Map<String, ScoreModel>> models,
      Map<String, Map<SplitMode, String>> settings) {

    /** {@code ials: new items factors=64 ...; repeats allowed factors=32 ...}, one per baseline. */
    public List<String> settingLines() {
      List<String> lines = new java.util.ArrayList<>();
      settings.forEach((name, perMode) -> {
        StringBuilder line = new StringBuilder(name).append(": ");
        perMode.forEach(
            (mode, setting) -> line.append(line.length() > name.length() + 2 ? "; " : "")
                .append(mode.label())
                .append(' ')
                .append(setting));
        lines.add(line.toString());
      });
      return lines;
    }

    /** A mode's baselines asked as of the split, on each user's training events. */
    public Map<String, SplitRecommender> systems(SplitMode mode) {
      Map<String, SplitRecommender> out = new LinkedHashMap<>();
      models.get(mode).forEach((name, model) -> out.put(name, TopItems.of(data, model)));
      return out;
    }

    /**
     * A mode's baselines asked later than the fit, on each user's items as {@code histories}
     * holds them when asked (item id to summed weight): the sequential protocol.
     */
    public Map<String, SplitRecommender> asOf(
        SplitMode mode, Function<String, Map<String, Float>> histories) {
      Map<String, SplitRecommender> out = new LinkedHashMap<>();
      models
          .get(mode)
          .forEach((name, model) -> out.put(name, TopItems.asOf(data, model, histories)));
      return out;
    }
  }

  /** {@link #fit(TemporalSplit, long, List, List, int, Consumer)} with the split's own window. */
  public static Fitted fit(
      TemporalSplit split,
      List<SplitMode> modes,
      List<Baseline<?>> baselines,
      int catalogSize,
      Consumer<String> say) {
    return fit(split, split.validationWindow(), modes, baselines, catalogSize, say);
  }

  /**
   * @param validationWindow how long before the split the validation split is cut (ms)
   */
  public static Fitted fit(
      TemporalSplit split,
      long validationWindow,
      List<SplitMode> modes,
      List<Baseline<?>> baselines,
      int catalogSize,
      Consumer<String> say) {
    TrainingData data = TrainingData.of(split.training());
    Map<SplitMode, Map<String, ScoreModel>> models = new EnumMap<>(SplitMode.class);
    modes.forEach(mode -> models.put(mode, new LinkedHashMap<>()));
    if (baselines.isEmpty()) {
      return new Fitted(data, models, Map.of());
    }
    TemporalSplit validation = split.validation(validationWindow);
    TrainingData validationData = TrainingData.of(validation.training());
    say.accept(String.format(
        Locale.ROOT,
        "baselines: %,d users x %,d items in training; "
            + "settings chosen on the validation split at %s (%,d users x %,d items before it)",
        data.matrix().userIds().size(),
        data.itemCount(),
        java.time.Instant.ofEpochMilli(validation.at()),
        validationData.matrix().userIds().size(),
        validationData.itemCount()));
    Map<String, Map<SplitMode, String>> settings = new LinkedHashMap<>();
    for (Baseline<?> baseline : baselines) {
      settings.put(
          baseline.name(),
          fitOne(
              baseline, split, data, validation, validationData, modes, catalogSize, models, say));
    }
    return new Fitted(data, models, settings);
  }

  private static <P> Map<SplitMode, String> fitOne(
      Baseline<P> baseline,
      TemporalSplit split,
      TrainingData data,
      TemporalSplit validation,
      TrainingData validationData,
      List<SplitMode> modes,
      int catalogSize,
      Map<SplitMode, Map<String, ScoreModel>> out,
      Consumer<String> say) {
    long started = System.nanoTime();
    Map<SplitMode, P> chosen =
        choose(baseline, validation, validationData, modes, catalogSize, say);
    Map<P, ScoreModel> fitted = new HashMap<>();
    Map<SplitMode, String> described = new EnumMap<>(SplitMode.class);
    for (SplitMode mode : modes) {
      P setting = chosen.get(mode);
      out.get(mode)
          .put(baseline.name(), fitted.computeIfAbsent(setting, s -> baseline.fit(data, split, s)));
      described.put(mode, baseline.describe(setting));
    }
    say.accept(String.format(
        Locale.ROOT, "  %-18s %s (%s)", baseline.name(), described, seconds(started)));
    return described;
  }

  private static <P> Map<SplitMode, P> choose(
      Baseline<P> baseline,
      TemporalSplit validation,
      TrainingData data,
      List<SplitMode> modes,
      int catalogSize,
      Consumer<String> say) {
    Map<SplitMode, P> best = new EnumMap<>(SplitMode.class);
    Map<SplitMode, Double> bestNdcg = new EnumMap<>(SplitMode.class);
    for (P setting : baseline.grid()) {
      if (baseline.grid().size() == 1) {
        modes.forEach(mode -> best.put(mode, setting));
        break;
      }
      SplitRecommender system = TopItems.of(data, baseline.fit(data, validation, setting));
      StringBuilder line = new StringBuilder();
      for (SplitMode mode : modes) {
        double ndcg = SplitEvaluation.run(
                validation, mode, Map.of(baseline.name(), system), catalogSize)
            .ndcgAt10(baseline.name());
        line.append(String.format(Locale.ROOT, " %s %.4f", mode.label(), ndcg));
        if (!bestNdcg.containsKey(mode) || ndcg > bestNdcg.get(mode)) {
          bestNdcg.put(mode, ndcg);
          best.put(mode, setting);
        }
      }
      say.accept(String.format(
          Locale.ROOT,
          "    validation %s %s: NDCG@10%s",
          baseline.name(),
          baseline.describe(setting),
          line));
    }
    return best;
  }

  private static String seconds(long startedNanos) {
    return String.format(
        Locale.ROOT,
        "%.1f s",
        Duration.ofNanos(System.nanoTime() - startedNanos).toMillis() / 1e3);
  }
}
