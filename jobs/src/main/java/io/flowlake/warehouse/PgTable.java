package io.flowlake.warehouse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampType;

/**
 * A mart as a PostgreSQL table: one typed column per mart column (the types of
 * schemas/marts/*.schema.json: int64 bigint, int32 integer, double, boolean, date, date-time
 * timestamptz, string text), and the mart's grain as primary key.
 *
 * @param columns column names as the mart has them (quoted in SQL, so case and spaces survive)
 * @param types PostgreSQL types as {@code information_schema.columns.data_type} names them
 */
record PgTable(String name, List<String> columns, List<String> types, List<String> primaryKey) {

  /** PostgreSQL silently cuts longer identifiers, which could make two columns one. */
  static final int MAX_IDENTIFIER_BYTES = 63;

  static PgTable of(String name, StructType schema, List<String> grain) {
    List<String> columns = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (StructField field : schema.fields()) {
      if (field.name().getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES) {
        throw new IllegalArgumentException(
            "mart "
                + name
                + ": column \""
                + field.name()
                + "\" is longer than PostgreSQL's 63-byte limit for names; shorten the name");
      }
      columns.add(field.name());
      types.add(pgType(name, field));
    }
    return new PgTable(name, List.copyOf(columns), List.copyOf(types), List.copyOf(grain));
  }

  private static String pgType(String table, StructField field) {
    DataType type = field.dataType();
    if (type instanceof StringType) {
      return "text";
    } else if (type instanceof LongType) {
      return "bigint";
    } else if (type instanceof IntegerType) {
      return "integer";
    } else if (type instanceof DoubleType) {
      return "double precision";
    } else if (type instanceof BooleanType) {
      return "boolean";
    } else if (type instanceof DateType) {
      return "date";
    } else if (type instanceof TimestampType) {
      return "timestamp with time zone";
    }
    throw new IllegalArgumentException(
        "mart "
            + table
            + ": column "
            + field.name()
            + " has type "
            + type.simpleString()
            + ", which the PostgreSQL export does not map");
  }

  String createSql() {
    List<String> defs = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      String notNull = primaryKey.contains(columns.get(i)) ? " not null" : "";
      defs.add(quote(columns.get(i)) + " " + types.get(i) + notNull);
    }
    if (!primaryKey.isEmpty()) {
      defs.add(
          "primary key ("
              + primaryKey.stream().map(PgTable::quote).collect(Collectors.joining(", "))
              + ")");
    }
    return "create table " + quote(name) + " (" + String.join(", ", defs) + ")";
  }

  String insertSql() {
    return "insert into "
        + quote(name)
        + " ("
        + columns.stream().map(PgTable::quote).collect(Collectors.joining(", "))
        + ") values ("
        + columns.stream().map(c -> "?").collect(Collectors.joining(", "))
        + ")";
  }

  String quotedName() {
    return quote(name);
  }

  /** A PostgreSQL string literal (standard_conforming_strings: only quotes are doubled). */
  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
