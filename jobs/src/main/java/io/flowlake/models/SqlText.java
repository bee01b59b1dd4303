package io.flowlake.models;

import java.util.List;
import java.util.stream.Collectors;

/** Pieces of Spark SQL built from data (names, values), quoted so no value can change the query. */
final class SqlText {

  private SqlText() {}

  /** A Spark SQL identifier: backticks, with backticks inside doubled. */
  static String identifier(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  /** A Spark SQL string literal: single quotes, with backslashes and quotes escaped. */
  static String stringLiteral(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** The keys that occur on more than one row of {@code model}. */
  static String duplicatesOf(String model, List<String> keyColumns) {
    String keys = keyColumns.stream().map(SqlText::identifier).collect(Collectors.joining(", "));
    return "select "
        + keys
        + ", count(*) as row_count from "
        + identifier(model)
        + " group by "
        + keys
        + " having count(*) > 1";
  }
}
