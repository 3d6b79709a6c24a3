package dev.recsys.serving.api;

import static java.util.Objects.requireNonNull;

import dev.recsys.ingest.http.HttpJson;
import dev.recsys.serving.http.ParamCheck;
import dev.recsys.serving.recommend.Readiness;
import dev.recsys.serving.recommend.RecommendRequest;
import dev.recsys.serving.recommend.Recommender;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;

/**
 * {@code GET /v1/users/{userId}/recommendations}, {@code GET /v1/items/{itemId}/similar} and
 * {@code GET /readyz}. They block (store calls, ranking), so run them on a worker.
 */
public final class RecommendRoutes {
  public static final int MAX_EXCLUDED = 500;
  public static final int DEFAULT_SIMILAR = 10;

  private final Recommender recommender;

  public RecommendRoutes(Recommender recommender) {
    this.recommender = requireNonNull(recommender, "recommender");
  }

  public HttpHandler recommendations() {
    return exchange -> {
      ParamCheck check = ParamCheck.of(exchange);
      RecommendRequest request = new RecommendRequest(
          check.pathId("userId"),
          check.intIn("k", RecommendRequest.DEFAULT_K, 1, RecommendRequest.MAX_K),
          check.idList("exclude", MAX_EXCLUDED),
          check.text("context"),
          check.flag("explain"),
          received(exchange));
      check.done();
      HttpJson.send(
          exchange,
          StatusCodes.OK,
          out -> RecommendJson.write(recommender.recommend(request), out));
    };
  }

  /** When the request line arrived, if the server records it; otherwise now. */
  private static long received(HttpServerExchange exchange) {
    long started = exchange.getRequestStartTime();
    return started > 0 ? started : System.nanoTime();
  }

  public HttpHandler similar() {
    return exchange -> {
      ParamCheck check = ParamCheck.of(exchange);
      String itemId = check.pathId("itemId");
      int k = check.intIn("k", DEFAULT_SIMILAR, 1, RecommendRequest.MAX_K);
      check.done();
      HttpJson.send(
          exchange,
          StatusCodes.OK,
          out -> RecommendJson.similar(itemId, recommender.similar(itemId, k), out));
    };
  }

  public HttpHandler ready() {
    return exchange -> {
      Readiness readiness = recommender.readiness();
      HttpJson.send(
          exchange,
          readiness.ready() ? StatusCodes.OK : StatusCodes.SERVICE_UNAVAILABLE,
          out -> RecommendJson.readiness(readiness, out));
    };
  }
}
