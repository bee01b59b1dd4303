package io.flowlake.models;

import java.util.List;
import java.util.stream.Collectors;

/** A generic test on one column (as in dbt), turned into an audit of the model's rows. */
public sealed interface ColumnTest {

  /** The audit that checks {@code column} of {@code model}. */
  Audit audit(String model, String column);

  /** The column is never null. */
  record NotNull() implements ColumnTest {
    @Override
    public Audit audit(String model, String column) {
      return Audit.ofRows(
          model, "not_null(" + column + ")", SqlText.identifier(column) + " is null");
    }
  }

  /** No two rows share a (non-null) value. */
  record Unique() implements ColumnTest {
    @Override
    public Audit audit(String model, String column) {
      return Audit.ofQuery(
          model, "unique(" + column + ")", SqlText.duplicatesOf(model, List.of(column)));
    }
  }

  /** Every non-null value lies in {@code [min, max]}. */
  record Between(double min, double max) implements ColumnTest {
    @Override
    public Audit audit(String model, String column) {
      String c = SqlText.identifier(column);
      return Audit.ofRows(
          model,
          "between(" + column + ", " + format(min) + ", " + format(max) + ")",
          c + " < " + format(min) + " or " + c + " > " + format(max) + " or isnan(" + c + ")");
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
    public Audit audit(String model, String column) {
      String list = values.stream().map(SqlText::stringLiteral).collect(Collectors.joining(", "));
      return Audit.ofRows(
          model,
          "accepted_values(" + column + ")",
          SqlText.identifier(column) + " not in (" + list + ")");
    }
  }
}
