/**
 * The recsys HTTP application and its composition: {@link dev.recsys.serving.ServingApp} puts
 * every route in one place.
 */
package dev.recsys.serving;
