/**
 * Shared test fixtures for every module's tests (test scope only): a JUnit 5 extension that injects one embedded
 * Kafka + Redis runtime per test class, unique Kafka-safe names, condition polling and a fixed clock.
 */
package dev.recsys.testkit;
