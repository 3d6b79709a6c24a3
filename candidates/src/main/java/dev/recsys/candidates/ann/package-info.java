/**
 * Approximate nearest-neighbour search over item vectors: the {@link
 * dev.recsys.candidates.ann.AnnIndex} contract, a JVector graph implementation (JVector builds,
 * updates and stores the graph; {@link dev.recsys.candidates.ann.BeamSearch} searches it) and an
 * exact brute-force one, with live updates and persistence.
 */
package dev.recsys.candidates.ann;
