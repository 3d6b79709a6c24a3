package dev.recsys.testkit;

import java.lang.reflect.Method;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.TestInfo;

/** Names for topics, Kafka Streams application ids and Redis key prefixes that no other test run shares. */
public final class TestNames {

  /** Leaves room within Kafka's 249-character topic limit for Streams' "-store-changelog" suffixes. */
  private static final int MAX_PREFIX_LENGTH = 80;
  /** Kafka accepts [a-zA-Z0-9._-]; '.' and '_' collide in metric names, so only '-' separates. */
  private static final Pattern UNSAFE = Pattern.compile("[^a-zA-Z0-9-]+");

  private static final int SUFFIX_LENGTH = 12;

  private TestNames() {}

  /** {@code "EmbeddedRuntimeExtensionIT-shouldInjectKafka-3f9a1c2b7d4e"}: class, method and a random suffix. */
  public static String safeUniqueTestName(TestInfo testInfo) {
    String className = testInfo.getTestClass().map(Class::getSimpleName).orElse("test");
    String methodName =
        testInfo.getTestMethod().map(Method::getName).orElse(testInfo.getDisplayName());
    String prefix = UNSAFE.matcher(className + "-" + methodName).replaceAll("-");
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, SUFFIX_LENGTH);
    return prefix.substring(0, Math.min(prefix.length(), MAX_PREFIX_LENGTH)) + "-" + suffix;
  }
}
