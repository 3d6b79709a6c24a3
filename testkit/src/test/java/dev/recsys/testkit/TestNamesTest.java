package dev.recsys.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class TestNamesTest {

  @Test
  void shouldNameTheTestClassAndMethod(TestInfo testInfo) {
    assertThat(TestNames.safeUniqueTestName(testInfo))
        .matches("TestNamesTest-shouldNameTheTestClassAndMethod-[0-9a-f]{12}");
  }

  @Test
  void shouldBeUniqueOnEveryCall(TestInfo testInfo) {
    assertThat(TestNames.safeUniqueTestName(testInfo))
        .isNotEqualTo(TestNames.safeUniqueTestName(testInfo));
  }

  @Test
  void shouldReplaceCharactersKafkaRejectsOrConfusesInMetricNames() {
    assertThat(TestNames.safeUniqueTestName(classLevel("setup: a.b_c/d")))
        .matches("test-setup-a-b-c-d-[0-9a-f]{12}");
  }

  @Test
  void shouldKeepLongNamesShortEnoughForStreamsInternalTopics() {
    assertThat(TestNames.safeUniqueTestName(classLevel("x".repeat(300)))).hasSize(80 + 1 + 12);
  }

  /** What a TestInfo looks like outside a test method, e.g. in a {@code @BeforeAll} of an unnamed class. */
  private static TestInfo classLevel(String displayName) {
    return new TestInfo() {
      @Override
      public String getDisplayName() {
        return displayName;
      }

      @Override
      public Set<String> getTags() {
        return Set.of();
      }

      @Override
      public Optional<Class<?>> getTestClass() {
        return Optional.empty();
      }

      @Override
      public Optional<Method> getTestMethod() {
        return Optional.empty();
      }
    };
  }
}
