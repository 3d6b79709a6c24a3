/**
 * Offline evaluation a practitioner can trust: a global temporal split, ranking metrics with
 * their standard errors, and strong simple baselines fitted on the same training events.
 */
package dev.recsys.evaluation;
