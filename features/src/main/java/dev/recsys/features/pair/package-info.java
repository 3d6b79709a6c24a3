/**
 * The features of a (user, candidate item) pair: what the ranker reads. Replay, the as-of join
 * and serving all build them here, from the user's and the item's vectors at the same moment.
 */
package dev.recsys.features.pair;
