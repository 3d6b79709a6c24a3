/**
 * Training sets on disk: Parquet rows of labelled (user, item, moment) pairs with their features,
 * plus a manifest; written by replay or by the as-of join over the offline store.
 */
package dev.recsys.features.training;
