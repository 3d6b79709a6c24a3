/**
 * Ingesting a batch of JSON events or items: read each entry, check it against the contract,
 * publish the valid ones and report per entry what was accepted, rejected or failed.
 */
package dev.recsys.ingest.batch;
