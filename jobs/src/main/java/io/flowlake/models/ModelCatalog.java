package io.flowlake.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The models of {@code src/main/resources/sql}: {@code models.yml}, one {@code <name>.sql} per
 * model and the audit queries of {@code audits/}, checked for consistency and put in dependency
 * order.
 */
public final class ModelCatalog {

  static final String SQL_DIR = "sql/";
  static final String MODELS_FILE = SQL_DIR + "models.yml";
  static final String AUDITS_DIR = SQL_DIR + "audits/";

  private final int schemaVersion;
  private final Map<String, Source> sources = new LinkedHashMap<>();
  private final Map<String, Model> models = new LinkedHashMap<>();
  private final Map<String, String> auditSql;

  private ModelCatalog(
      int schemaVersion, List<Source> sources, List<Model> ordered, Map<String, String> auditSql) {
    this.schemaVersion = schemaVersion;
    sources.forEach(s -> this.sources.put(s.name(), s));
    ordered.forEach(m -> this.models.put(m.name(), m));
    this.auditSql = Map.copyOf(auditSql);
  }

  /** The models shipped on the classpath under {@code sql/}. */
  public static ModelCatalog load() {
    ClassLoader loader = ModelCatalog.class.getClassLoader();
    return parse(resource(loader, MODELS_FILE), path -> resource(loader, SQL_DIR + path));
  }

  /**
   * @param sqlFile the text of a file under {@code sql/} by relative path (e.g. {@code
   *     flow_summary.sql}, {@code audits/x.sql}); throws {@link IllegalArgumentException} when
   *     there is none
   */
  static ModelCatalog parse(String modelsYaml, Function<String, String> sqlFile) {
    ModelsFileParser.Parsed parsed =
        new ModelsFileParser(name -> sqlFile.apply(name + ".sql")).parse(modelsYaml);
    Map<String, String> audits = new HashMap<>();
    for (Model model : parsed.models()) {
      for (String audit : model.audits()) {
        audits.put(audit, sqlFile.apply("audits/" + audit + ".sql"));
      }
    }
    List<Model> ordered = DependencyOrder.of(parsed.sources(), parsed.models());
    return new ModelCatalog(parsed.schemaVersion(), parsed.sources(), ordered, audits);
  }

  /** Version of the marts' public contract, bumped on any breaking change to a mart. */
  public int schemaVersion() {
    return schemaVersion;
  }

  public List<Source> sources() {
    return List.copyOf(sources.values());
  }

  /** Every model, each after the models it depends on. */
  public List<Model> models() {
    return List.copyOf(models.values());
  }

  /** The public tables, in the order they are built. */
  public List<Model> marts() {
    return models.values().stream().filter(Model::isMart).toList();
  }

  public Model model(String name) {
    Model model = models.get(name);
    if (model == null) {
      throw new IllegalArgumentException(
          "no model named '" + name + "' (models: " + models.keySet() + ")");
    }
    return model;
  }

  /** The text of {@code sql/audits/<name>.sql}. */
  public String auditSql(String name) {
    String sql = auditSql.get(name);
    if (sql == null) {
      throw new IllegalArgumentException("no audit named '" + name + "'");
    }
    return sql;
  }

  /** Names of every source and model: the temp views a transform registers. */
  Set<String> viewNames() {
    Set<String> names = new LinkedHashSet<>(sources.keySet());
    names.addAll(models.keySet());
    return names;
  }

  private static String resource(ClassLoader loader, String path) {
    try (InputStream in = loader.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("missing classpath resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read classpath resource " + path, e);
    }
  }
}
