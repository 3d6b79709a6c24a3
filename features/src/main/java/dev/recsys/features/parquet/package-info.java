/** Parquet files written and queried through an embedded DuckDB: the offline side's file format. */
package dev.recsys.features.parquet;
