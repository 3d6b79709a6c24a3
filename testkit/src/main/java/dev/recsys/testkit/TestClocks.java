package dev.recsys.testkit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Clocks for code that takes an injected {@link Clock}, so expected timestamps are constants. */
public final class TestClocks {

  /** Always 2021-06-01T00:00:01Z, in UTC. */
  public static final Clock FIXED =
      Clock.fixed(Instant.parse("2021-06-01T00:00:01Z"), ZoneOffset.UTC);

  private TestClocks() {}
}
