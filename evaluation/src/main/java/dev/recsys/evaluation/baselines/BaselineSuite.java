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

/**
 * Fits every baseline on a split's training events, each setting chosen per mode by NDCG@10 on
 * the validation split carved from the end of the training period (never on the test period).
 */
public final class BaselineSuite {
  private BaselineSuite() {}

  /** Each mode's recommenders by baseline name, and the setting each one was fitted with. */
  public record Fitted(Map<SplitMode, Map<String, SplitRecommender>> systems,
      Map<String, Map<SplitMode, String>> settings) {}

  public static Fitted fit(TemporalSplit split, List<SplitMode> modes, List<Baseline<?>> baselines,
      int catalogSize, Consumer<String> say) {
    TrainingData data = TrainingData.of(split.training());
    TemporalSplit validation = split.validation(split.validationWindow());
    TrainingData validationData = TrainingData.of(validation.training());
    say.accept(String.format(Locale.ROOT, "baselines: %,d users x %,d items in training; "
        + "settings chosen on the validation split at %s (%,d users x %,d items before it)",
        data.matrix().userIds().size(), data.itemCount(),
        java.time.Instant.ofEpochMilli(validation.at()),
        validationData.matrix().userIds().size(), validationData.itemCount()));
    Map<SplitMode, Map<String, SplitRecommender>> systems = new EnumMap<>(SplitMode.class);
    modes.forEach(mode -> systems.put(mode, new LinkedHashMap<>()));
    Map<String, Map<SplitMode, String>> settings = new LinkedHashMap<>();
    for (Baseline<?> baseline : baselines) {
      settings.put(baseline.name(), fitOne(baseline, split, data, validation, validationData,
          modes, catalogSize, systems, say));
    }
    return new Fitted(systems, settings);
  }

  private static <P> Map<SplitMode, String> fitOne(Baseline<P> baseline, TemporalSplit split,
      TrainingData data, TemporalSplit validation, TrainingData validationData,
      List<SplitMode> modes, int catalogSize, Map<SplitMode, Map<String, SplitRecommender>> out,
      Consumer<String> say) {
    long started = System.nanoTime();
    Map<SplitMode, P> chosen = choose(baseline, validation, validationData, modes, catalogSize,
        say);
    Map<P, SplitRecommender> fitted = new HashMap<>();
    Map<SplitMode, String> described = new EnumMap<>(SplitMode.class);
    for (SplitMode mode : modes) {
      P setting = chosen.get(mode);
      out.get(mode).put(baseline.name(), fitted.computeIfAbsent(setting,
          s -> TopItems.of(data, baseline.fit(data, split, s))));
      described.put(mode, baseline.describe(setting));
    }
    say.accept(String.format(Locale.ROOT, "  %-18s %s (%s)", baseline.name(), described,
        seconds(started)));
    return described;
  }

  private static <P> Map<SplitMode, P> choose(Baseline<P> baseline, TemporalSplit validation,
      TrainingData data, List<SplitMode> modes, int catalogSize, Consumer<String> say) {
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
        double ndcg = SplitEvaluation.run(validation, mode, Map.of(baseline.name(), system),
            catalogSize).ndcgAt10(baseline.name());
        line.append(String.format(Locale.ROOT, " %s %.4f", mode.label(), ndcg));
        if (!bestNdcg.containsKey(mode) || ndcg > bestNdcg.get(mode)) {
          bestNdcg.put(mode, ndcg);
          best.put(mode, setting);
        }
      }
      say.accept(String.format(Locale.ROOT, "    validation %s %s: NDCG@10%s", baseline.name(),
          baseline.describe(setting), line));
    }
    return best;
  }

  private static String seconds(long startedNanos) {
    return String.format(Locale.ROOT, "%.1f s",
        Duration.ofNanos(System.nanoTime() - startedNanos).toMillis() / 1e3);
  }
}
