package io.flowlake.models;

import java.util.ArrayList;
import java.util.List;

/** Every audit of a model: its grain, its column tests and its audit files, in that order. */
final class ModelAudits {

  private ModelAudits() {}

  static List<Audit> of(Model model, ModelCatalog catalog) {
    List<Audit> audits = new ArrayList<>();
    if (!model.grain().isEmpty()) {
      audits.add(
          Audit.ofQuery(
              model.name(),
              "unique_grain(" + String.join(", ", model.grain()) + ")",
              SqlText.duplicatesOf(model.name(), model.grain())));
    }
    for (ModelColumn column : model.columns()) {
      for (ColumnTest test : column.tests()) {
        audits.add(test.audit(model.name(), column.name()));
      }
    }
    for (String name : model.audits()) {
      audits.add(Audit.ofQuery(model.name(), name, catalog.auditSql(name)));
    }
    return audits;
  }
}
