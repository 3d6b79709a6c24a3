/**
 * The online store: the latest feature vector of every user and item, written by idempotent
 * overwrites from the feature log and read by serving in one round trip.
 */
package dev.recsys.features.store;
