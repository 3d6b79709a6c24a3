/**
 * The catalog as serving sees it: each item's category, availability and creation time, kept in
 * memory from the compacted items topic, for re-ranking rules and the new-items source.
 */
package dev.recsys.serving.catalog;
