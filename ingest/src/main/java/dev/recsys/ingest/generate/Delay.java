package dev.recsys.ingest.generate;

import java.util.random.RandomGenerator;

/** A random pause: a fixed minimum plus an exponentially distributed extra. */
record Delay(long minMs, long meanExtraMs) {

  long sample(RandomGenerator rng) {
    return minMs + (long) (rng.nextExponential() * meanExtraMs);
  }
}
