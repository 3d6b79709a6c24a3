/**
 * Approximate nearest-neighbour search over item vectors: the {@link
 * dev.recsys.candidates.ann.AnnIndex} contract, a JVector graph implementation and an exact
 * brute-force one, with live updates and persistence.
 */
package dev.recsys.candidates.ann;
