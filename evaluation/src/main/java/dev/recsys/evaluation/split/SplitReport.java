package dev.recsys.evaluation.split;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every system side by side per mode, as a Markdown table and as an HTML page. */
public final class SplitReport {
  private SplitReport() {}

  /** One row per system: NDCG, recall, MAP and hit rate at 10 and 20 with standard errors. */
  public static String table(SplitEvaluation.Result result) {
    StringBuilder out = new StringBuilder(String.format(
        Locale.ROOT,
        "%s: %,d %s, catalog of %,d items%n%n| system | NDCG@10 | NDCG@20 | recall@10 | "
            + "recall@20 | MAP@10 | hit@10 | coverage@10 | coverage@20 |%n"
            + "|---|---|---|---|---|---|---|---|---|%n",
        result.mode().label(),
        result.lists(),
        result.per(),
        result.catalogSize()));
    String best = best(result);
    result.systems().forEach((name, figures) -> {
      SplitFigures at10 = figures.get(0);
      SplitFigures at20 = figures.get(1);
      out.append(String.format(
          Locale.ROOT,
          "| %s | %s | %s | %s | %s | %s | %s | %.3f | %.3f |%n",
          name.equals(best) ? "**" + name + "**" : name,
          at10.ndcg(),
          at20.ndcg(),
          at10.recall(),
          at20.recall(),
          at10.map(),
          at10.hitRate(),
          at10.coverage(),
          at20.coverage()));
    });
    return out.toString();
  }

  /** The system with the highest NDCG@10. */
  public static String best(SplitEvaluation.Result result) {
    return result.systems().keySet().stream()
        .max(java.util.Comparator.comparingDouble(result::ndcgAt10))
        .orElse("");
  }

  /**
   * @param settings lines saying how each system was fitted, shown under the tables
   */
  public static void writeHtml(
      List<SplitEvaluation.Result> results, String title, List<String> settings, Path file) {
    StringBuilder html = new StringBuilder("<!doctype html><meta charset=utf-8><title>")
        .append(escape(title))
        .append("</title><body style='font-family:sans-serif'><h1>")
        .append(escape(title))
        .append("</h1>");
    for (SplitEvaluation.Result result : results) {
      html.append(htmlTable(result));
    }
    html.append("<h2>settings</h2><pre>")
        .append(escape(String.join("\n", settings)))
        .append("</pre></body>");
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report " + file, e);
    }
  }

  private static String htmlTable(SplitEvaluation.Result result) {
    StringBuilder out = new StringBuilder(String.format(
        Locale.ROOT,
        "<h2>%s</h2><p>%,d %s, catalog of %,d items; mean ± standard error over them</p>"
            + "<table border=1 cellpadding=4 style='border-collapse:collapse'><tr><th>system"
            + "<th>NDCG@10<th>NDCG@20<th>recall@10<th>recall@20<th>MAP@10<th>MAP@20<th>hit@10"
            + "<th>hit@20<th>coverage@10<th>coverage@20",
        escape(result.mode().label()),
        result.lists(),
        escape(result.per()),
        result.catalogSize()));
    String best = best(result);
    for (Map.Entry<String, List<SplitFigures>> system : result.systems().entrySet()) {
      SplitFigures a = system.getValue().get(0);
      SplitFigures b = system.getValue().get(1);
      String name = escape(system.getKey());
      out.append("<tr><td>").append(system.getKey().equals(best) ? "<b>" + name + "</b>" : name);
      for (Mean m : List.of(
          a.ndcg(), b.ndcg(), a.recall(), b.recall(), a.map(), b.map(), a.hitRate(), b.hitRate())) {
        out.append("<td>").append(escape(m.toString()));
      }
      out.append(String.format(Locale.ROOT, "<td>%.3f<td>%.3f", a.coverage(), b.coverage()));
    }
    return out.append("</table>").toString();
  }

  /** Safe in element content and in quoted attributes alike. */
  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
