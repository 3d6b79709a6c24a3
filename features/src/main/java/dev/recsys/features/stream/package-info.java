/** The Kafka Streams processors that run the pure feature definitions over event streams. */
package dev.recsys.features.stream;
