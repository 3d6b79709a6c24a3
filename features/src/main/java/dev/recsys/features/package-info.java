/**
 * The feature pipeline: {@link dev.recsys.features.FeatureTopology} (Kafka Streams, exactly
 * once) turns events into feature updates on the feature log; {@link
 * dev.recsys.features.FeaturesApp} runs it with the online-store writer.
 */
package dev.recsys.features;
