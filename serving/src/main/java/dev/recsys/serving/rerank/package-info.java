/**
 * Re-ranking rules applied after the ranker: filters (seen, purchased, unavailable), boosts,
 * MMR diversity, a per-category cap and pinned slots; read from a file that is reloaded on change.
 */
package dev.recsys.serving.rerank;
