/** Undertow plumbing shared by the routes: JSON errors for unknown routes and failures. */
package dev.recsys.serving.http;
