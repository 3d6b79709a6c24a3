package dev.recsys.serving;

import io.undertow.server.HttpHandler;
import io.undertow.server.RoutingHandler;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.util.ArrayList;
import java.util.List;

/**
 * The routing table as it is built: each route goes to Undertow's {@link RoutingHandler} and is
 * recorded, so the server can say exactly which routes it serves. Registering the same method and
 * path twice fails (Undertow would silently keep the last handler).
 */
final class Routes {
  private final RoutingHandler handler;
  private final List<Route> added = new ArrayList<>();

  /**
   * @param notFound answers paths no route matches
   * @param methodNotAllowed answers a path some route matches, with another method
   */
  Routes(HttpHandler notFound, HttpHandler methodNotAllowed) {
    this.handler =
        new RoutingHandler().setFallbackHandler(notFound).setInvalidMethodHandler(methodNotAllowed);
  }

  Routes get(String path, HttpHandler next) {
    return add(Methods.GET, path, next);
  }

  Routes post(String path, HttpHandler next) {
    return add(Methods.POST, path, next);
  }

  /** The routes registered so far, in registration order. */
  List<Route> list() {
    return List.copyOf(added);
  }

  /** Dispatches a request to its route. */
  HttpHandler handler() {
    return handler;
  }

  private Routes add(HttpString method, String path, HttpHandler next) {
    Route route = new Route(method.toString(), path);
    if (added.contains(route)) {
      throw new IllegalStateException(route + " is registered twice");
    }
    handler.add(method, path, next);
    added.add(route);
    return this;
  }
}
