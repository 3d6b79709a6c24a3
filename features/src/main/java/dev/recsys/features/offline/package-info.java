/**
 * The offline store: topics archived to Parquet, partitioned by event date, one file per
 * (partition, offset range). The files themselves record how far each partition is archived, so
 * a restarted archiver resumes after the last file and never writes a record twice.
 */
package dev.recsys.features.offline;
