/**
 * Operating the dead-letter topic: list what was dead-lettered and why, and re-drive records
 * to the topic they came from once the cause is fixed.
 */
package dev.recsys.ingest.deadletter;
