package io.flowlake.models;

import java.util.List;

/**
 * One SQL model as declared in {@code sql/models.yml}, with the text of {@code sql/<name>.sql}.
 *
 * @param dependsOn every source or model the SQL reads
 * @param grain the columns that identify a row; audited to be unique
 * @param audits names of {@code sql/audits/<name>.sql} queries that must return no rows
 */
public record Model(
    String name,
    Layer layer,
    Materialization materialized,
    String description,
    List<String> dependsOn,
    List<String> grain,
    List<ModelColumn> columns,
    List<String> audits,
    String sql) {

  public Model {
    dependsOn = List.copyOf(dependsOn);
    grain = List.copyOf(grain);
    columns = List.copyOf(columns);
    audits = List.copyOf(audits);
  }

  public boolean isMart() {
    return materialized == Materialization.MART;
  }
}
