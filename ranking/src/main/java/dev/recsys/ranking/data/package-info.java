/**
 * Training sets as written by replay: the {@code training-set.json} manifest plus Parquet rows,
 * read into a compact column form, and the time-based train/holdout split.
 */
package dev.recsys.ranking.data;
