/**
 * The first stage of the stream: decode, check, de-duplicate by event id and drop events later
 * than the grace period; everything refused goes to the dead-letter topic with its reason.
 */
package dev.recsys.features.intake;
