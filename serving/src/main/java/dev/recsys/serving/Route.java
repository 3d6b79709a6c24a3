package dev.recsys.serving;

import static java.util.Objects.requireNonNull;

/**
 * One route the server answers: an HTTP method ({@code GET}) and an Undertow path template
 * ({@code /v1/users/{userId}/features}), written as the OpenAPI document writes its paths.
 */
public record Route(String method, String path) {
  public Route {
    requireNonNull(method, "method");
    requireNonNull(path, "path");
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
