package io.flowlake.warehouse;

import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.unix_micros;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A fed table's rows, read from the lake with Spark and from PostgreSQL with SQL, each as one
 * canonical line per row (instants as epoch microseconds, JSON with its keys sorted), sorted, so
 * that "the warehouse equals the lake row for row" is one list comparison. The expected side is
 * written here, column by column, not taken from the export's own column list.
 */
final class LakeVsWarehouse {

  enum Kind {
    TEXT,
    INSTANT,
    JSON
  }

  record Col(String name, Kind kind, String lakeExpression) {
    static Col of(String name, Kind kind) {
      return new Col(name, kind, "`" + name + "`");
    }
  }

  static final Map<String, List<Col>> TABLES =
      Map.of(
          "runs",
          List.of(
              Col.of("uuid", Kind.TEXT),
              Col.of("id", Kind.TEXT),
              Col.of("flow_uuid", Kind.TEXT),
              Col.of("flow_name", Kind.TEXT),
              Col.of("contact_uuid", Kind.TEXT),
              Col.of("contact_name", Kind.TEXT),
              Col.of("contact_urn", Kind.TEXT),
              Col.of("responded", Kind.TEXT),
              Col.of("path", Kind.JSON),
              Col.of("values", Kind.JSON),
              Col.of("created_on", Kind.INSTANT),
              Col.of("modified_on", Kind.INSTANT),
              Col.of("exited_on", Kind.INSTANT),
              Col.of("exit_type", Kind.TEXT),
              Col.of("path_length", Kind.TEXT),
              Col.of("created_month", Kind.TEXT)),
          "run_values",
          List.of(
              Col.of("run_uuid", Kind.TEXT),
              Col.of("contact_uuid", Kind.TEXT),
              Col.of("result_key", Kind.TEXT),
              Col.of("result_name", Kind.TEXT),
              Col.of("value", Kind.TEXT),
              Col.of("category", Kind.TEXT),
              Col.of("time", Kind.INSTANT),
              Col.of("input", Kind.TEXT),
              Col.of("run_modified_on", Kind.INSTANT),
              Col.of("run_exit_type", Kind.TEXT)),
          "contacts",
          List.of(
              Col.of("uuid", Kind.TEXT),
              Col.of("name", Kind.TEXT),
              Col.of("urns", Kind.JSON),
              Col.of("status", Kind.TEXT),
              Col.of("language", Kind.TEXT),
              Col.of("groups", Kind.JSON),
              Col.of("fields", Kind.JSON),
              new Col("flow_uuid", Kind.TEXT, "flow.uuid"),
              Col.of("modified_on", Kind.INSTANT),
              Col.of("last_seen_on", Kind.INSTANT)));

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  static List<String> lake(SparkSession spark, String path, String table) {
    List<Col> cols = TABLES.get(table);
    Column[] select = new Column[cols.size()];
    for (int i = 0; i < select.length; i++) {
      Column value = org.apache.spark.sql.functions.expr(cols.get(i).lakeExpression());
      select[i] =
          switch (cols.get(i).kind()) {
            case TEXT -> value.cast("string");
            case INSTANT -> unix_micros(value).cast("string");
            case JSON -> to_json(value);
          };
    }
    List<String> lines = new ArrayList<>();
    for (Row row : spark.read().format("delta").load(path).select(select).collectAsList()) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < cols.size(); i++) {
        line.append(canonical(cols.get(i).kind(), row.getString(i))).append('|');
      }
      lines.add(line.toString());
    }
    return lines.stream().sorted().toList();
  }

  static List<String> warehouse(Connection db, String table) throws Exception {
    List<Col> cols = TABLES.get(table);
    List<String> select = new ArrayList<>();
    for (Col c : cols) {
      String name = "\"" + c.name() + "\"";
      select.add(
          switch (c.kind()) {
            case TEXT, JSON -> name + "::text";
            case INSTANT -> "(extract(epoch from " + name + ") * 1000000)::bigint::text";
          });
    }
    List<String> lines = new ArrayList<>();
    try (Statement sql = db.createStatement();
        ResultSet rs =
            sql.executeQuery("select " + String.join(", ", select) + " from \"" + table + "\"")) {
      while (rs.next()) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cols.size(); i++) {
          line.append(canonical(cols.get(i).kind(), rs.getString(i + 1))).append('|');
        }
        lines.add(line.toString());
      }
    }
    return lines.stream().sorted().toList();
  }

  private static String canonical(Kind kind, String value) {
    if (value == null) {
      return "<null>";
    }
    if (kind != Kind.JSON) {
      return value;
    }
    try {
      return JSON.writeValueAsString(JSON.readValue(value, Object.class));
    } catch (Exception e) {
      throw new IllegalStateException("not JSON: " + value.length() + " chars", e);
    }
  }

  private LakeVsWarehouse() {}
}
