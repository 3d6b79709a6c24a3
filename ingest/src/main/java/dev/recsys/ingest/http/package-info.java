/**
 * The HTTP face of ingest ({@code POST /v1/events}, {@code POST /v1/items}) as Undertow
 * handlers that the serving application mounts.
 */
package dev.recsys.ingest.http;
