package dev.recsys.ingest.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GeneratorParamsTest {

  static Stream<Arguments> invalidChanges() {
    return Stream.of(
        invalid("users must be >= 1, was 0", p -> p.withUsers(0)),
        invalid("items must be >= 1, was -5", p -> p.withItems(-5)),
        invalid("categories must be in [1, 1000], was 0", p -> p.withCategories(0)),
        invalid("categories must be in [1, 10], was 12", p -> p.withItems(10)),
        invalid("days must be in [1, 3650], was 0", p -> p.withDays(0)),
        invalid("days must be in [1, 3650], was 4000", p -> p.withDays(4_000)),
        invalid("end must not be null", p -> p.withEnd(null)),
        invalid("zipfExponent must be in [0.0, 4.0], was -1.0", p -> p.withZipfExponent(-1)),
        invalid("zipfExponent must be in [0.0, 4.0], was NaN", p -> p.withZipfExponent(Double.NaN)),
        invalid(
            "sessionsPerUserDay must be in (0, 50.0], was 0.0", p -> p.withSessionsPerUserDay(0)),
        invalid("funnel must not be null", p -> p.withFunnel(null)),
        invalid(
            "funnel.click must be in [0, 1], was 1.5",
            p -> p.withFunnel(new FunnelRates(1.5, 0.2, 0.3, 0.1))),
        invalid(
            "funnel.rating must be in [0, 1], was -0.1",
            p -> p.withFunnel(new FunnelRates(0.3, 0.2, 0.3, -0.1))));
  }

  private static Arguments invalid(String message, UnaryOperator<GeneratorParams> change) {
    return Arguments.of(message, change);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidChanges")
  void shouldNameTheFieldWhenAValueIsInvalid(
      String message, UnaryOperator<GeneratorParams> change) {
    assertThatThrownBy(() -> change.apply(GeneratorParams.DEFAULT)).hasMessageStartingWith(message);
  }

  @Test
  void shouldChangeOnlyTheNamedFieldWithAWither() {
    GeneratorParams changed = GeneratorParams.DEFAULT.withUsers(7).withSeed(9);

    assertThat(changed.users()).isEqualTo(7);
    assertThat(changed.seed()).isEqualTo(9);
    assertThat(changed
            .withUsers(GeneratorParams.DEFAULT.users())
            .withSeed(GeneratorParams.DEFAULT.seed()))
        .isEqualTo(GeneratorParams.DEFAULT);
  }

  @Test
  void shouldStartThePeriodTheConfiguredDaysBeforeTheEnd() {
    GeneratorParams params =
        GeneratorParams.DEFAULT.withDays(3).withEnd(Instant.parse("2026-01-10T12:00:00Z"));

    assertThat(params.start()).isEqualTo(Instant.parse("2026-01-07T12:00:00Z"));
    assertThat(Duration.between(params.start(), params.end())).isEqualTo(Duration.ofDays(3));
  }

  @Test
  void shouldDescribeAReproducibleDemoDataSet() {
    assertThat(GeneratorParams.DEFAULT.end()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(GeneratorParams.DEFAULT.seed()).isEqualTo(42);
    assertThat(GeneratorParams.DEFAULT.estimatedEvents()).isBetween(100_000L, 200_000L);
  }
}
