/** {@code GET /v1/users/{id}/features} and {@code GET /v1/items/{id}/features}. */
package dev.recsys.serving.features;
