package io.flowlake.warehouse;

import io.delta.tables.DeltaTable;
import io.flowlake.models.FlowResultsTable;
import io.flowlake.models.FlowResultsTables;
import io.flowlake.models.MartPaths;
import io.flowlake.models.Model;
import io.flowlake.models.ModelCatalog;
import io.flowlake.models.SuppressedCells;
import io.flowlake.models.TableSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Copies every mart into a PostgreSQL table of the same name, and each flow's results table (listed
 * by flow_results_index) into one table per flow, each in one transaction: the old rows are deleted
 * and the new ones inserted before one commit, so a reader sees the whole old table or the whole
 * new one, never a mix (PostgreSQL's MVCC; readers are not blocked). A table whose columns no
 * longer match (a flow's table gains two columns per new result) is dropped and created again in
 * that same transaction. Rows stream from the driver in batches, so the driver never holds a whole
 * mart. Each mart is read at one Delta version.
 */
public final class PostgresMartExport {

  static final int BATCH = 5_000;

  private PostgresMartExport() {}

  /**
   * @return rows written per mart, in build order
   * @throws IllegalArgumentException when a mart has not been built yet
   */
  public static Map<String, Long> export(SparkSession spark, String lake, JdbcTarget target)
      throws SQLException {
    List<Model> marts = ModelCatalog.load().marts();
    for (Model mart : marts) {
      if (!DeltaTable.isDeltaTable(spark, MartPaths.mart(lake, mart.name()))) {
        throw new IllegalArgumentException(
            "no mart " + mart.name() + " in " + lake + ": run `flowlake transform` first");
      }
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection db = connect(target)) {
      db.setAutoCommit(false);
      for (Model mart : marts) {
        TableSnapshot snapshot = TableSnapshot.latest(spark, MartPaths.mart(lake, mart.name()));
        long version = snapshot.version();
        Dataset<Row> rows = SuppressedCells.apply(snapshot.rows());
        PgTable table = PgTable.of(mart.name(), rows.schema(), mart.grain());
        counts.put(mart.name(), replace(db, table, rows, List.of()));
        if (mart.name().equals(FlowResultsTables.INDEX)) {
          for (FlowResultsTable flow : FlowResultsTables.listed(spark, lake, version)) {
            counts.put(flow.tableName(), replaceFlowTable(spark, db, lake, flow));
          }
        }
      }
    }
    return counts;
  }

  private static Connection connect(JdbcTarget target) throws SQLException {
    Properties props = new Properties();
    if (target.user() != null) {
      props.setProperty("user", target.user());
    }
    if (target.password() != null) {
      props.setProperty("password", target.password());
    }
    // one multi-row INSERT per batch instead of one statement per row
    props.setProperty("reWriteBatchedInserts", "true");
    return new org.postgresql.Driver().connect(target.url(), props);
  }

  /**
   * A flow's results table under its own name (flow_ and the flow uuid: stable across renames,
   * within 63 bytes), keyed by run uuid, each column commented with RapidPro's export header.
   */
  private static long replaceFlowTable(
      SparkSession spark, Connection db, String lake, FlowResultsTable flow) throws SQLException {
    Dataset<Row> rows =
        TableSnapshot.latest(spark, MartPaths.mart(lake, flow.location()))
            .rows()
            .selectExpr(flow.columnNames().toArray(String[]::new));
    PgTable table = PgTable.of(flow.tableName(), rows.schema(), List.of("run_uuid"));
    List<String> comments = new ArrayList<>();
    String flowName = flow.flowName() == null ? flow.flowUuid() : flow.flowName();
    comments.add(
        "comment on table "
            + table.quotedName()
            + " is "
            + PgTable.literal("Results of flow " + flowName + " (" + flow.flowUuid() + ")"));
    for (FlowResultsTable.Column column : flow.columns()) {
      comments.add(
          "comment on column "
              + table.quotedName()
              + "."
              + PgTable.quote(column.name())
              + " is "
              + PgTable.literal(column.displayName()));
    }
    return replace(db, table, rows, comments);
  }

  /**
   * Replaces the table's rows, and runs {@code comments} after a (re)create, in one transaction.
   */
  private static long replace(
      Connection db, PgTable table, Dataset<Row> rows, List<String> comments) throws SQLException {
    try {
      try (Statement ddl = db.createStatement()) {
        if (existingColumnsMatch(db, table)) {
          ddl.execute("delete from " + table.quotedName());
        } else {
          ddl.execute("drop table if exists " + table.quotedName());
          ddl.execute(table.createSql());
        }
        // a renamed result keeps its column but changes its header: comment every time
        for (String comment : comments) {
          ddl.execute(comment);
        }
      }
      long written = insert(db, table, rows);
      db.commit();
      return written;
    } catch (SQLException | RuntimeException e) {
      db.rollback();
      throw e;
    }
  }

  private static boolean existingColumnsMatch(Connection db, PgTable table) throws SQLException {
    List<String> columns = new ArrayList<>();
    List<String> types = new ArrayList<>();
    try (PreparedStatement q =
        db.prepareStatement(
            "select column_name, data_type from information_schema.columns"
                + " where table_schema = current_schema() and table_name = ?"
                + " order by ordinal_position")) {
      q.setString(1, table.name());
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          columns.add(rs.getString(1));
          types.add(rs.getString(2));
        }
      }
    }
    return columns.equals(table.columns()) && types.equals(table.types());
  }

  private static long insert(Connection db, PgTable table, Dataset<Row> rows) throws SQLException {
    long written = 0;
    try (PreparedStatement insert = db.prepareStatement(table.insertSql())) {
      Iterator<Row> it = rows.toLocalIterator();
      while (it.hasNext()) {
        Row row = it.next();
        for (int i = 0; i < table.columns().size(); i++) {
          PgValues.bind(insert, i + 1, row.get(i));
        }
        insert.addBatch();
        if (++written % BATCH == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
    return written;
  }
}
