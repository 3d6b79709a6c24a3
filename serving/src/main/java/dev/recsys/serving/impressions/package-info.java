/**
 * Impression logging: every response becomes an {@code Impression} on the impressions topic,
 * through a bounded buffer that drops (and counts) rather than block a request.
 */
package dev.recsys.serving.impressions;
