/**
 * The rules every event and catalog update must satisfy, shared by ingest (reject at the door)
 * and the stream (dead-letter what slipped past). Each broken rule is a {@link Violation}.
 */
package dev.recsys.schemas.validation;
