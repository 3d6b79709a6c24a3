/**
 * Vector files in the standard ANN benchmark formats ({@code .fvecs}, {@code .ivecs}) and seeded
 * synthetic vector sets with real cluster structure, for tests and benchmarks.
 */
package dev.recsys.candidates.vectors;
