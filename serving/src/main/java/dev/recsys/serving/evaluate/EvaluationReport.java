package dev.recsys.serving.evaluate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The evaluation as a terminal table and as a small HTML page with the curves. */
public final class EvaluationReport {
  private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"};
  private static final int WIDTH = 420;
  private static final int HEIGHT = 260;
  private static final int PAD = 40;

  private EvaluationReport() {}

  /** One row per system at {@code k}: recall, NDCG, MAP and coverage. */
  public static String table(EvaluationJob.Result result, int k) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "| system | recall@%d | NDCG@%d | MAP@%d | coverage@%d |%n|---|---|---|---|---|%n", k, k,
        k, k));
    result.systems().forEach((name, figures) -> figures.stream().filter(f -> f.k() == k)
        .forEach(f -> out.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %.3f |%n",
            name, f.recall(), f.ndcg(), f.map(), f.coverage()))));
    return out.toString();
  }

  public static void writeHtml(EvaluationJob.Result result, String title, Path file) {
    StringBuilder html = new StringBuilder("<!doctype html><meta charset=utf-8><title>")
        .append(escape(title)).append("</title><body style='font-family:sans-serif'><h1>")
        .append(escape(title)).append("</h1><p>").append(result.requests())
        .append(" held-out interactions, catalog of ").append(result.catalogSize())
        .append(" items.</p>");
    html.append(chart("recall@k", result.systems(), Figures::recall));
    html.append(chart("NDCG@k", result.systems(), Figures::ndcg));
    html.append(chart("coverage@k", result.systems(), Figures::coverage));
    html.append("<pre>").append(escape(table(result, 10))).append("</pre></body>");
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report " + file, e);
    }
  }

  private static String chart(String metric, Map<String, List<Figures>> systems,
      ToDoubleFunction<Figures> value) {
    double max = systems.values().stream().flatMap(List::stream).mapToDouble(value).max()
        .orElse(1);
    max = max <= 0 ? 1 : max;
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
        "<h2>%s</h2><svg width=%d height=%d style='border:1px solid #ccc'>", metric,
        WIDTH + PAD, HEIGHT + PAD));
    int color = 0;
    for (Map.Entry<String, List<Figures>> system : systems.entrySet()) {
      StringBuilder points = new StringBuilder();
      List<Figures> figures = system.getValue();
      for (int i = 0; i < figures.size(); i++) {
        double x = PAD + (double) i / Math.max(1, figures.size() - 1) * (WIDTH - PAD);
        double y = HEIGHT - value.applyAsDouble(figures.get(i)) / max * (HEIGHT - PAD);
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        svg.append(String.format(Locale.ROOT,
            "<text x=%.1f y=%d font-size=11>k=%d</text>", x - 10, HEIGHT + 15, figures.get(i).k()));
      }
      String c = COLORS[color % COLORS.length];
      svg.append(String.format(Locale.ROOT,
          "<polyline fill=none stroke='%s' stroke-width=2 points='%s'/>"
              + "<text x=%d y=%d fill='%s' font-size=12>%s</text>", c, points, PAD + 5,
          15 + 15 * color, c, escape(system.getKey())));
      color++;
    }
    return svg.append(String.format(Locale.ROOT, "<text x=5 y=%d font-size=11>%.3f</text>",
        PAD, max)).append("</svg>").toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
