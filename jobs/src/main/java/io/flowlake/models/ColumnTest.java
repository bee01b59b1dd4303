package io.flowlake.models;

import java.util.List;
import java.util.stream.Collectors;

/** A generic test on one column (as in dbt), turned into an audit: a query of offending rows. */
public sealed interface ColumnTest {

  /** The audit's name, e.g. {@code between(completion_rate, 0, 1)}. */
  String auditName(String column);

  /** Rows of {@code model} that break the test. */
  String auditSql(String model, String column);

  /** The column is never null. */
  record NotNull() implements ColumnTest {
    @Override
    public String auditName(String column) {
      return "not_null(" + column + ")";
    }

    @Override
    public String auditSql(String model, String column) {
      return "select * from "
          + SqlText.identifier(model)
          + " where "
          + SqlText.identifier(column)
          + " is null";
    }
  }

  /** No two rows share a (non-null) value. */
  record Unique() implements ColumnTest {
    @Override
    public String auditName(String column) {
      return "unique(" + column + ")";
    }

    @Override
    public String auditSql(String model, String column) {
      return SqlText.duplicatesOf(model, List.of(column));
    }
  }

  /** Every non-null value lies in {@code [min, max]}. */
  record Between(double min, double max) implements ColumnTest {
    @Override
    public String auditName(String column) {
      return "between(" + column + ", " + format(min) + ", " + format(max) + ")";
    }

    @Override
    public String auditSql(String model, String column) {
      String c = SqlText.identifier(column);
      return "select * from "
          + SqlText.identifier(model)
          + " where "
          + c
          + " < "
          + format(min)
          + " or "
          + c
          + " > "
          + format(max)
          + " or isnan("
          + c
          + ")";
    }

    private static String format(double bound) {
      return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }
  }

  /** Every non-null value is one of {@code values}. */
  record AcceptedValues(List<String> values) implements ColumnTest {
    public AcceptedValues {
      values = List.copyOf(values);
    }

    @Override
    public String auditName(String column) {
      return "accepted_values(" + column + ")";
    }

    @Override
    public String auditSql(String model, String column) {
      String list = values.stream().map(SqlText::stringLiteral).collect(Collectors.joining(", "));
      return "select * from "
          + SqlText.identifier(model)
          + " where "
          + SqlText.identifier(column)
          + " not in ("
          + list
          + ")";
    }
  }
}
