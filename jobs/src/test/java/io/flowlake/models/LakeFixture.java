package io.flowlake.models;

import io.flowlake.api.Contact;
import io.flowlake.api.PathStep;
import io.flowlake.api.ResultValue;
import io.flowlake.api.RunRecord;
import io.flowlake.lake.LakeTables;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Builds a lake from run records without pulling: rows shaped exactly as {@link LakeTables}
 * declares, written as the Delta tables {@code <lake>/runs} and {@code <lake>/run_values}. Written
 * here, independently of the pull, so the marts can be tested on their own.
 */
public final class LakeFixture {

  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

  private LakeFixture() {}

  /** Replaces the lake's runs and run_values with these runs. */
  public static void write(SparkSession spark, String lake, List<RunRecord> runs) {
    List<Row> runRows = new ArrayList<>();
    List<Row> valueRows = new ArrayList<>();
    for (RunRecord run : runs) {
      runRows.add(runRow(run));
      valueRows.addAll(runValueRows(run));
    }
    spark
        .createDataFrame(runRows, LakeTables.RUNS_SCHEMA)
        .write()
        .format("delta")
        .mode("overwrite")
        .partitionBy(LakeTables.PARTITION_COLUMN)
        .save(MartPaths.table(lake, LakeTables.RUNS));
    spark
        .createDataFrame(valueRows, LakeTables.RUN_VALUES_SCHEMA)
        .write()
        .format("delta")
        .mode("overwrite")
        .partitionBy(LakeTables.PARTITION_COLUMN)
        .save(MartPaths.table(lake, LakeTables.RUN_VALUES));
  }

  /** A row of {@link LakeTables#RUNS_SCHEMA}. */
  public static Row runRow(RunRecord run) {
    Contact contact = run.contact();
    List<Row> path = null;
    if (run.path() != null) {
      path = new ArrayList<>();
      for (PathStep step : run.path()) {
        path.add(RowFactory.create(step.node(), step.time()));
      }
    }
    Map<String, Row> values = new LinkedHashMap<>();
    run.values()
        .forEach(
            (key, v) ->
                values.put(
                    key,
                    RowFactory.create(
                        v.name(), v.value(), v.category(), v.node(), v.time(), v.input())));
    return RowFactory.create(
        run.uuid(),
        run.id(),
        run.flowUuid(),
        run.flowName(),
        contact == null ? null : contact.uuid(),
        contact == null ? null : contact.name(),
        contact == null ? null : contact.urn(),
        contact == null ? null : contact.urnDisplay(),
        contact == null ? null : contact.ref(),
        run.startUuid(),
        run.responded(),
        path,
        values,
        run.createdOn(),
        run.modifiedOn(),
        run.exitedOn(),
        run.exitType(),
        run.path() == null ? null : run.path().size(),
        lastNode(run),
        LakeTables.SOURCE_API,
        createdMonth(run.createdOn()));
  }

  /** The rows of {@link LakeTables#RUN_VALUES_SCHEMA}: one per result key of the run. */
  public static List<Row> runValueRows(RunRecord run) {
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, ResultValue> entry : run.values().entrySet()) {
      ResultValue v = entry.getValue();
      rows.add(
          RowFactory.create(
              run.uuid(),
              run.flowUuid(),
              run.flowName(),
              run.contact() == null ? null : run.contact().uuid(),
              entry.getKey(),
              v.name(),
              v.value(),
              v.category(),
              v.node(),
              v.time(),
              v.input(),
              run.createdOn(),
              run.modifiedOn(),
              run.exitType(),
              createdMonth(run.createdOn())));
    }
    return rows;
  }

  /** The node of the run's last path step; null without a path or steps. */
  static String lastNode(RunRecord run) {
    return run.path() == null || run.path().isEmpty()
        ? null
        : run.path().get(run.path().size() - 1).node();
  }

  private static String createdMonth(Instant createdOn) {
    return MONTH.format(createdOn);
  }
}
