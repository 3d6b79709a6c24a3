/**
 * Configuration, loaded once in {@code main} from defaults, an optional properties file and the
 * environment, validated with every problem reported at once, then passed down.
 */
package dev.recsys.app.config;
