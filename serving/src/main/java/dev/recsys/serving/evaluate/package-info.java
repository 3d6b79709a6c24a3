/**
 * Offline evaluation of whole recommenders: held-out interactions replayed point in time, each
 * answered by the recommender as of just before it, scored as recall, NDCG, MAP and coverage.
 */
package dev.recsys.serving.evaluate;
