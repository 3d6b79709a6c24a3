/** The feature log: feature vectors as {@code FeatureUpdate} records, keyed by entity. */
package dev.recsys.features.log;
