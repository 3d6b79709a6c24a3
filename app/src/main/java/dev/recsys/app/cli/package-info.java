/**
 * The {@code recsys} command line: one picocli command per job. Configuration is loaded here,
 * once, and passed down.
 */
package dev.recsys.app.cli;
