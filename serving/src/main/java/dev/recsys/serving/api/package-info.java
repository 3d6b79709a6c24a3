/**
 * The recommendation HTTP routes: parse and check parameters, call the {@code Recommender},
 * write JSON. No logic beyond that.
 */
package dev.recsys.serving.api;
