package dev.recsys.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The module graph of the README's architecture section, enforced on the compiled classes: a
 * module's code may use only the modules it lists (its package is {@code dev.recsys.MODULE}),
 * nothing outside a module reaches into its {@code internal} packages, and the request path
 * stays free of the command line. The poms allow no more than this; the test keeps an added
 * dependency from quietly turning an arrow around.
 */
class ArchitectureTest {
  /** Each module and the modules its main code may use (itself always). */
  static final Map<String, Set<String>> MAY_USE = Map.of(
      "schemas", Set.of(),
      "embedded", Set.of("schemas"),
      "candidates", Set.of(),
      "ranking", Set.of(),
      "ingest", Set.of("schemas"),
      "features", Set.of("schemas"),
      "serving", Set.of("ingest", "features", "candidates", "ranking", "schemas"),
      "evaluation", Set.of("serving", "features", "candidates", "ranking", "schemas"),
      "app",
          Set.of(
              "evaluation",
              "serving",
              "features",
              "candidates",
              "ranking",
              "ingest",
              "embedded",
              "schemas"));

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.recsys");
  }

  static Stream<String> modules() {
    return new TreeSet<>(MAY_USE.keySet()).stream();
  }

  @ParameterizedTest(name = "{0} uses only the modules it lists")
  @MethodSource("modules")
  void moduleShouldUseOnlyTheModulesItLists(String module) {
    String[] forbidden = Stream.concat(
            MAY_USE.keySet().stream(), Stream.of("testkit", "benchmarks"))
        .filter(other -> !other.equals(module) && !MAY_USE.get(module).contains(other))
        .map(other -> "dev.recsys." + other + "..")
        .toArray(String[]::new);
    noClasses()
        .that()
        .resideInAPackage("dev.recsys." + module + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(forbidden)
        .because("the README's module graph has no arrow from " + module + " to them")
        .check(classes);
  }

  @ParameterizedTest(name = "nothing outside {0} uses its internal packages")
  @MethodSource("modules")
  void internalPackagesShouldStayInsideTheirModule(String module) {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.recsys." + module + "..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.recsys." + module + "..internal..")
        .because("internal packages are " + module + "'s implementation, not its API")
        .allowEmptyShould(true)
        .check(classes);
  }

  @ParameterizedTest(name = "serving does not depend on {0}")
  @MethodSource("commandLineOnly")
  void servingShouldNotKnowTheCommandLine(String packages) {
    noClasses()
        .that()
        .resideInAPackage("dev.recsys.serving..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(packages)
        .because("serving is the request path; commands, the demo and offline jobs live in app")
        .check(classes);
  }

  static List<String> commandLineOnly() {
    return List.of(
        "picocli..", "dev.recsys.app..", "dev.recsys.evaluation..", "dev.recsys.embedded..");
  }
}
