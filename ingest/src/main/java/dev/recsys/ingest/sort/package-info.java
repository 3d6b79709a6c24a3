/**
 * Sorting records by a long key (event time) in bounded memory, spilling sorted runs to
 * temporary files and merging them back: how a history file reaches Kafka in event-time order.
 */
package dev.recsys.ingest.sort;
