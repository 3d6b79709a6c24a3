/** The ANN benchmark: build, save, reload and query an index over standard benchmark files. */
package dev.recsys.candidates.bench;
