package dev.recsys.ingest.sort;

/**
 * What a sort did: records sorted, the runs it spilled to disk (0 when everything fitted in
 * memory), the bytes written to them, and the merge passes over the disk.
 */
public record SortStats(long records, int spilledRuns, long spilledBytes, int mergePasses) {}
