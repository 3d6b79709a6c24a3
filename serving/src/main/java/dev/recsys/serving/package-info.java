/**
 * The request path: {@link dev.recsys.serving.ServingApp} puts every HTTP route in one place over
 * the recommendation pipeline; {@link dev.recsys.serving.ServingSettings} is all it is told.
 * Commands, configuration files, the demo and offline jobs live in the app module.
 */
package dev.recsys.serving;
