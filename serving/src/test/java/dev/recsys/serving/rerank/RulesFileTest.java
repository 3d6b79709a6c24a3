package dev.recsys.serving.rerank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recsys.testkit.Wait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesFileTest {
  private static final String ALL = """
      {"exclude_unavailable": true, "exclude_seen": {"window": "PT24H"},
       "repeat_purchases": {"allow_after": "P30D"},
       "boosts": {"fresh": {"within": "P7D", "factor": 1.2}, "categories": {"books": 1.1}},
       "diversity": {"lambda": 0.7}, "max_per_category": 3,
       "pinned": [{"item_id": "i1", "position": 0}]}
      """;

  @TempDir
  Path dir;

  @Test
  void shouldParseEveryRuleInApplicationOrder() {
    RerankRules rules = RulesParser.parse(ALL);

    assertThat(rules.names())
        .containsExactly(
            ExcludeUnavailable.NAME,
            ExcludeSeen.NAME,
            RepeatPurchases.NAME,
            FreshBoost.NAME,
            CategoryBoost.NAME,
            MmrDiversity.NAME,
            CategoryCap.NAME,
            PinnedSlots.NAME);
  }

  @Test
  void shouldListEveryProblemAtOnce() {
    assertThatThrownBy(() -> RulesParser.parse("""
        {"max_per_category": 0, "diversity": {"lambda": 2}, "exclude_seen": {"window": "1 day"},
         "boost": {}}
        """))
        .hasMessageContaining("max_per_category must be >= 1")
        .hasMessageContaining("diversity.lambda must be within 0..1")
        .hasMessageContaining("exclude_seen.window must be an ISO-8601 duration")
        .hasMessageContaining("unknown rule 'boost'");
  }

  @Test
  void shouldReloadRulesWhenTheFileChanges() throws Exception {
    Path file = dir.resolve("rules.json");
    Files.writeString(file, "{\"max_per_category\": 3}");
    try (RulesFile rules = RulesFile.watch(file, Duration.ofMillis(20))) {
      assertThat(rules.get().rules()).containsExactly(new CategoryCap(3));

      Files.writeString(file, "{\"max_per_category\": 5, \"diversity\": {\"lambda\": 0.5}}");
      Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

      Wait.until(
          Duration.ofSeconds(10),
          () -> rules.get().rules().equals(List.of(new MmrDiversity(0.5), new CategoryCap(5))),
          () -> "the changed rules to be in force");
    }
  }

  @Test
  void shouldKeepTheRulesInForceWhenTheFileBreaks() throws Exception {
    Path file = dir.resolve("rules.json");
    Files.writeString(file, "{\"max_per_category\": 3}");
    try (RulesFile rules = RulesFile.watch(file, Duration.ofHours(1))) {
      Files.writeString(file, "{\"max_per_category\": ");
      Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

      assertThatThrownBy(rules::reload).hasMessageContaining("not valid JSON");
      assertThat(rules.get().rules()).containsExactly(new CategoryCap(3));
    }
  }

  @Test
  void shouldUseTheDefaultRulesWithoutAFile() {
    try (RulesFile rules = RulesFile.watch(dir.resolve("missing.json"), Duration.ofHours(1))) {
      assertThat(rules.get()).isEqualTo(RerankRules.DEFAULT);
    }
  }
}
