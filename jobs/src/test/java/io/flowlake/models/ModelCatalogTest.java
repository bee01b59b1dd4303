package io.flowlake.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {

  private static final Pattern READ = Pattern.compile("\\b(?:from|join)\\s+([a-z_][a-z0-9_]*)");
  private static final Pattern CTE = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\s+as\\s*\\(");

  private final ModelCatalog catalog = ModelCatalog.load();

  @Test
  void runsEveryModelAfterWhatItReads() {
    Set<String> done = new HashSet<>(catalog.sources().stream().map(Source::name).toList());
    for (Model model : catalog.models()) {
      assertThat(done).as(model.name()).containsAll(model.dependsOn());
      done.add(model.name());
    }
  }

  @Test
  void declaredDependenciesAreExactlyWhatTheSqlReads() {
    for (Model model : catalog.models()) {
      Set<String> read = tablesRead(model.sql());
      assertThat(read).as(model.name()).isEqualTo(new TreeSet<>(model.dependsOn()));
    }
  }

  /**
   * A mart's audits read the mart, marts of earlier waves ({@link ModelWaves}) and the segment
   * settings: never a mart of its own wave, which may be written at the same time.
   */
  @Test
  void auditsReadOnlyTheirMartEarlierWavesMartsAndTheSegmentSettings() {
    Set<String> settings = new HashSet<>();
    catalog.sources().stream()
        .filter(s -> !s.fromLake() && !s.name().equals("contacts"))
        .forEach(s -> settings.add(s.name()));
    Set<String> earlier = new HashSet<>();
    for (List<Model> wave : ModelWaves.of(catalog.models())) {
      for (Model mart : wave.stream().filter(Model::isMart).toList()) {
        Set<String> allowed = new HashSet<>(settings);
        allowed.addAll(earlier);
        allowed.add(mart.name());
        for (String audit : mart.audits()) {
          assertThat(allowed).as(audit).containsAll(tablesRead(catalog.auditSql(audit)));
        }
      }
      wave.stream().filter(Model::isMart).forEach(m -> earlier.add(m.name()));
    }
  }

  @Test
  void refusesAnUnknownDependency() {
    assertThatThrownBy(() -> parse(model("a", "mart", "[nowhere]"), Map.of("a.sql", "select 1")))
        .hasMessageContaining("model a depends on 'nowhere'");
  }

  @Test
  void refusesACycle() {
    String yaml = model("a", "view", "[b]") + model("b", "view", "[a]");
    assertThatThrownBy(() -> parse(yaml, Map.of("a.sql", "select 1", "b.sql", "select 1")))
        .hasMessageContaining("cycle")
        .hasMessageContaining("a")
        .hasMessageContaining("b");
  }

  @Test
  void refusesAnUnknownColumnTestNamingTheColumn() {
    String yaml =
        model("a", "mart", "[runs]") + "    columns:\n      - name: x\n        tests: [positive]\n";
    assertThatThrownBy(() -> parse(yaml, Map.of("a.sql", "select 1")))
        .hasMessageContaining("model a, column x: unknown test 'positive'");
  }

  @Test
  void refusesAMissingSqlFile() {
    assertThatThrownBy(() -> parse(model("a", "view", "[runs]"), Map.of()))
        .hasMessageContaining("a.sql");
  }

  /** The tables a query reads: names after from/join that are not its own CTEs. */
  private static Set<String> tablesRead(String sql) {
    String code = sql.replaceAll("--[^\n]*", "");
    Set<String> read = new TreeSet<>();
    Matcher from = READ.matcher(code);
    while (from.find()) {
      read.add(from.group(1));
    }
    Matcher cte = CTE.matcher(code);
    while (cte.find()) {
      read.remove(cte.group(1));
    }
    return read;
  }

  /** One model entry of models.yml. */
  private static String model(String name, String layer, String dependsOn) {
    String materialized = layer.equals("mart") ? "mart" : "view";
    String modelLayer = layer.equals("mart") ? "mart" : "staging";
    return "  - name: "
        + name
        + "\n    layer: "
        + modelLayer
        + "\n    materialized: "
        + materialized
        + "\n    description: test\n    depends_on: "
        + dependsOn
        + "\n";
  }

  private static ModelCatalog parse(String models, Map<String, String> files) {
    String yaml = "schema_version: 1\nsources:\n  - name: runs\nmodels:\n" + models;
    return ModelCatalog.parse(
        yaml,
        path -> {
          String text = files.get(path);
          if (text == null) {
            throw new IllegalArgumentException("missing classpath resource sql/" + path);
          }
          return text;
        });
  }
}
