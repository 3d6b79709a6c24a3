package dev.recsys.testkit;

import dev.recsys.embedded.EmbeddedKafka;
import dev.recsys.embedded.EmbeddedRedis;
import dev.recsys.embedded.EmbeddedRuntime;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@link EmbeddedRuntime} per test class and injects it, or its {@link EmbeddedKafka} or
 * {@link EmbeddedRedis}, into test constructors and methods. The runtime lives in the class's extension store and is
 * closed (it is {@link AutoCloseable}) when the class finishes; {@code @Nested} classes share their outer class's.
 *
 * <pre>{@code
 * @ExtendWith(EmbeddedRuntimeExtension.class)
 * class RedisOnlineStoreIT {
 *     RedisOnlineStoreIT(EmbeddedRedis redis) { ... }
 * }
 * }</pre>
 */
public final class EmbeddedRuntimeExtension implements BeforeAllCallback, ParameterResolver {

  private static final Namespace NAMESPACE = Namespace.create(EmbeddedRuntimeExtension.class);
  private static final Set<Class<?>> INJECTABLE =
      Set.of(EmbeddedRuntime.class, EmbeddedKafka.class, EmbeddedRedis.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    runtime(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return INJECTABLE.contains(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    EmbeddedRuntime runtime = runtime(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == EmbeddedKafka.class) {
      return runtime.kafka();
    }
    if (type == EmbeddedRedis.class) {
      return runtime.redis();
    }
    return runtime;
  }

  /** The class's runtime, started on first use: constructors of PER_CLASS tests resolve before beforeAll runs. */
  private static EmbeddedRuntime runtime(ExtensionContext context) {
    return classContext(context)
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            EmbeddedRuntime.class, key -> EmbeddedRuntime.start(), EmbeddedRuntime.class);
  }

  /** Climbs from a test method (or a parameterized/repeated test's invocation) to its test class. */
  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent()) {
      current = current.getParent().orElseThrow();
    }
    return current;
  }
}
