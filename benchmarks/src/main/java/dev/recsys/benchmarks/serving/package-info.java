/** Load generators for the serving API: fixed request rates, latency from the intended send time. */
package dev.recsys.benchmarks.serving;
