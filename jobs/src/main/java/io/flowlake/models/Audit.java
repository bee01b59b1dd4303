package io.flowlake.models;

/**
 * A check of model {@code model}: {@code sql} returns the rows that break it, and must return none.
 * A row check (a column test) also has {@code rowCondition}, true on a breaking row, so all row
 * checks of a mart can be counted in one scan.
 *
 * @param rowCondition the breach as a condition on one row; null for a query audit
 */
public record Audit(String model, String name, String sql, String rowCondition) {

  /** A check of each row: {@code condition} is true on the rows that break it. */
  static Audit ofRows(String model, String name, String condition) {
    return new Audit(
        model,
        name,
        "select * from " + SqlText.identifier(model) + " where " + condition,
        condition);
  }

  /** A query that returns the rows (or groups) that break the audit. */
  static Audit ofQuery(String model, String name, String sql) {
    return new Audit(model, name, sql, null);
  }

  boolean isRowCheck() {
    return rowCondition != null;
  }

  @Override
  public String toString() {
    return model + ": " + name;
  }
}
