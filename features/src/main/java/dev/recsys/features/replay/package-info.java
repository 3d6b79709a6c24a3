/**
 * Replay: the events topic read again, partition by partition, judged by the same intake rules and
 * fed in event-time order through the same feature code as the stream, so each labelled moment
 * sees the features exactly as they were strictly before it.
 */
package dev.recsys.features.replay;
