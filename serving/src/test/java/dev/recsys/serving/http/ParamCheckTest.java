package dev.recsys.serving.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamCheckTest {

  private static HttpServerExchange exchange(String userId, Map<String, String> query) {
    HttpServerExchange exchange = new HttpServerExchange(null);
    exchange.putAttachment(
        PathTemplateMatch.ATTACHMENT_KEY,
        new PathTemplateMatch("/v1/users/{userId}", Map.of("userId", userId)));
    query.forEach(exchange::addQueryParam);
    return exchange;
  }

  @Test
  void shouldReadValidParametersWithDefaults() {
    ParamCheck check =
        ParamCheck.of(exchange("u-1@x.y", Map.of("exclude", "a, b", "explain", "true")));

    assertThat(check.pathId("userId")).isEqualTo("u-1@x.y");
    assertThat(check.intIn("k", 20, 1, 500)).isEqualTo(20);
    assertThat(check.idList("exclude", 10)).containsExactly("a", "b");
    assertThat(check.flag("explain")).isTrue();
    assertThat(check.text("context")).isEmpty();
    check.done();
  }

  @Test
  void shouldReportEveryProblemAtOnce() {
    ParamCheck check = ParamCheck.of(exchange(
        "x".repeat(300),
        Map.of("k", "501", "exclude", "ok,bad id", "explain", "yes", "context", "tab\there")));
    check.pathId("userId");
    check.intIn("k", 20, 1, 500);
    check.idList("exclude", 10);
    check.flag("explain");
    check.text("context");

    assertThatThrownBy(check::done)
        .isInstanceOfSatisfying(
            BadRequestException.class,
            e -> assertThat(e.problems())
                .hasSize(5)
                .anyMatch(p -> p.startsWith("userId"))
                .anyMatch(p -> p.startsWith("k must be an integer within 1..500, got '501'"))
                .anyMatch(p -> p.startsWith("exclude entry"))
                .anyMatch(p -> p.startsWith("explain"))
                .anyMatch(p -> p.startsWith("context")));
  }

  @Test
  void shouldLimitHowManyIdsAListHolds() {
    ParamCheck check = ParamCheck.of(exchange("u1", Map.of("exclude", "a,b,c")));
    check.idList("exclude", 2);

    assertThatThrownBy(check::done).hasMessageContaining("at most 2 ids, got 3");
  }
}
