/**
 * The serving pipeline and the baselines evaluated point in time: the topics replayed with the
 * same feature code as the stream, each system asked as of the split (or just before each held-out
 * interaction) and scored with {@link dev.recsys.evaluation.split}.
 */
package dev.recsys.evaluation.pointintime;
