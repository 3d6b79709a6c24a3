/**
 * Dead letters: records that could not be decoded or validated, kept byte for byte on the
 * dead-letter topic with the reason and their origin (topic, partition, offset) in headers.
 */
package dev.recsys.schemas.deadletter;
