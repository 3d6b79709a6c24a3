package dev.recsys.serving.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a request's parameters and collects every problem; {@link #done()} then answers 400
 * listing them all. Ids are 1–256 characters of {@code A-Z a-z 0-9 . _ : @ -}.
 */
public final class ParamCheck {
  public static final int MAX_ID_LENGTH = 256;
  public static final int MAX_TEXT_LENGTH = 256;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]{1," + MAX_ID_LENGTH + "}");
  private static final Pattern TEXT = Pattern.compile("[\\x20-\\x7E]{0," + MAX_TEXT_LENGTH + "}");

  private final HttpServerExchange exchange;
  private final List<String> problems = new ArrayList<>();

  private ParamCheck(HttpServerExchange exchange) {
    this.exchange = exchange;
  }

  public static ParamCheck of(HttpServerExchange exchange) {
    return new ParamCheck(exchange);
  }

  /** A path parameter naming a user or item. */
  public String pathId(String name) {
    PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
    String value =
        Optional.ofNullable(match).map(m -> m.getParameters().get(name)).orElse("");
    checkId(name, value);
    return value;
  }

  /** An integer query parameter within {@code min..max}, {@code fallback} when absent. */
  public int intIn(String name, int fallback, int min, int max) {
    Optional<String> raw = query(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.get());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(name + " must be an integer within " + min + ".." + max + ", got '"
        + clip(raw.get()) + "'");
    return fallback;
  }

  /** A comma-separated list of ids, at most {@code maxItems}; empty when absent. */
  public Set<String> idList(String name, int maxItems) {
    Set<String> ids = new LinkedHashSet<>();
    query(name).ifPresent(raw -> {
      for (String id : raw.split(",", -1)) {
        if (checkId(name + " entry", id.trim())) {
          ids.add(id.trim());
        }
      }
    });
    if (ids.size() > maxItems) {
      problems.add(name + " may list at most " + maxItems + " ids, got " + ids.size());
    }
    return ids;
  }

  /** Free text of printable ASCII, at most 256 characters. */
  public Optional<String> text(String name) {
    Optional<String> raw = query(name);
    if (raw.isPresent() && !TEXT.matcher(raw.get()).matches()) {
      problems.add(name + " must be at most " + MAX_TEXT_LENGTH + " printable ASCII characters");
      return Optional.empty();
    }
    return raw;
  }

  /** {@code true} or {@code false}; absent is false. */
  public boolean flag(String name) {
    Optional<String> raw = query(name);
    if (raw.isEmpty() || raw.get().equals("false")) {
      return false;
    }
    if (!raw.get().equals("true")) {
      problems.add(name + " must be true or false, got '" + clip(raw.get()) + "'");
    }
    return raw.get().equals("true");
  }

  /** @throws BadRequestException listing every problem found, if any */
  public void done() {
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }
  }

  private boolean checkId(String name, String value) {
    if (ID.matcher(value).matches()) {
      return true;
    }
    problems.add(name + " must be 1 to " + MAX_ID_LENGTH
        + " characters of A-Z a-z 0-9 . _ : @ -, got '" + clip(value) + "'");
    return false;
  }

  private Optional<String> query(String name) {
    Deque<String> values = exchange.getQueryParameters().get(name);
    if (values == null || values.isEmpty()) {
      return Optional.empty();
    }
    if (values.size() > 1) {
      problems.add(name + " must be given once, got " + values.size() + " times");
    }
    return Optional.of(values.getFirst());
  }

  private static String clip(String value) {
    String printable = value.replaceAll("[^\\x20-\\x7E]", "?");
    return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
  }
}
