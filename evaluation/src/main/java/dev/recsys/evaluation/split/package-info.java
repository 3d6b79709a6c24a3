/**
 * The global temporal split protocol: one top-K list per user as of a moment T, scored against
 * everything that user chose in [T, end), with new items only or repeats allowed.
 */
package dev.recsys.evaluation.split;
