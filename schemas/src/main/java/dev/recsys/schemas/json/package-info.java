/**
 * The JSON form of each contract type, for apps that do not speak Avro: snake_case fields,
 * event types by wire name, times as epoch milliseconds or ISO-8601 strings.
 */
package dev.recsys.schemas.json;
