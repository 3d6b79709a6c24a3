/** JMH benchmarks and load generators; run from the shaded jar, never part of verify. */
package dev.recsys.benchmarks;
