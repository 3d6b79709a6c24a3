package dev.recsys.serving;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document is valid OpenAPI 3.1 to swagger-parser. That it lists exactly the
 * registered routes is checked against a running server, in {@code RecommendApiIT}.
 */
class OpenApiTest {
  private static final String DOCUMENT = new String(OpenApi.read(OpenApi.RESOURCE), UTF_8);

  @Test
  void shouldBeValidOpenApi31() {
    SwaggerParseResult result = parse(DOCUMENT);

    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    assertThat(result.getOpenAPI().getPaths())
        .containsOnlyKeys(
            "/healthz",
            "/metrics",
            "/v1/events",
            "/v1/items",
            "/v1/users/{userId}/features",
            "/v1/items/{itemId}/features",
            "/v1/users/{userId}/recommendations",
            "/v1/items/{itemId}/similar",
            "/readyz",
            "/openapi.json");
  }

  /** The validator is live: the same document with one operation's responses removed fails. */
  @Test
  void shouldReportAnOperationWithoutResponses() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode broken = (ObjectNode) json.readTree(DOCUMENT);
    ((ObjectNode) broken.at("/paths/~1healthz/get")).remove("responses");

    assertThat(parse(json.writeValueAsString(broken)).getMessages())
        .containsExactly("attribute paths.'/healthz'(get).responses is missing");
  }

  @Test
  void shouldNameAMissingDocument() {
    assertThatThrownBy(() -> OpenApi.read("/dev/recsys/serving/missing.json"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/dev/recsys/serving/missing.json is not on the classpath");
  }

  private static SwaggerParseResult parse(String document) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIV3Parser().readContents(document, null, options);
  }
}
