/**
 * The first stage of the stream: decode, check and drop events later than the grace period;
 * everything refused goes to the dead-letter topic with its reason. (Duplicates pass: each user's
 * state remembers its event ids and applies an event once.)
 */
package dev.recsys.features.intake;
