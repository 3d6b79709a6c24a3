package dev.recsys.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.undertow.server.HttpHandler;
import org.junit.jupiter.api.Test;

class RoutesTest {
  private static final HttpHandler NONE = exchange -> {};

  @Test
  void shouldListRoutesInRegistrationOrder() {
    Routes routes =
        new Routes(NONE, NONE).get("/b", NONE).post("/a/{id}", NONE).get("/a/{id}", NONE);

    assertThat(routes.list())
        .containsExactly(
            new Route("GET", "/b"), new Route("POST", "/a/{id}"), new Route("GET", "/a/{id}"));
  }

  @Test
  void shouldRefuseTheSameRouteTwice() {
    Routes routes = new Routes(NONE, NONE).get("/readyz", NONE);

    assertThatThrownBy(() -> routes.get("/readyz", NONE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("GET /readyz is registered twice");
  }
}
