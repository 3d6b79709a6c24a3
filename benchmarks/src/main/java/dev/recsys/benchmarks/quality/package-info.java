/** The quality runs of docs/QUALITY.md: a real data set from its files to both evaluation protocols. */
package dev.recsys.benchmarks.quality;
