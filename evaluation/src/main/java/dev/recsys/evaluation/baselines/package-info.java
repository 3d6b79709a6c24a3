/**
 * The strong simple baselines practitioners check first, fitted on a split's training events:
 * EASE, iALS, item-kNN, popularity and recent popularity, with settings chosen on validation.
 */
package dev.recsys.evaluation.baselines;
