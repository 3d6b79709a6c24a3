/**
 * How the embedded servers are built: broker settings, KRaft storage formatting, the bundled redis-server binary,
 * free loopback ports and temp directories. Nothing outside {@code dev.recsys.embedded} imports this package.
 */
package dev.recsys.embedded.internal;
