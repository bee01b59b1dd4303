package io.flowlake.pull;

import io.flowlake.api.Contact;
import io.flowlake.api.PathStep;
import io.flowlake.api.ResultValue;
import io.flowlake.api.RunRecord;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Reads the lake's {@code runs} table back into the API's record model, so a test can compare the
 * lake with the simulator's ground truth run for run, with plain {@code equals}.
 */
final class LakeRuns {

  static Map<String, RunRecord> read(SparkSession spark, String runsPath) {
    Map<String, RunRecord> runs = new TreeMap<>();
    for (Row row : spark.read().format("delta").load(runsPath).collectAsList()) {
      RunRecord run = toRecord(row);
      if (runs.put(run.uuid(), run) != null) {
        throw new AssertionError("run " + run.uuid() + " is in the lake twice");
      }
    }
    return runs;
  }

  /**
   * The simulator's runs as a lake pulled under the default policy ({@code --personal-data drop})
   * keeps them: the contact's uuid and ref, no name or URN.
   */
  static Map<String, RunRecord> byUuid(List<RunRecord> truth) {
    Map<String, RunRecord> runs = new TreeMap<>();
    truth.forEach(run -> runs.put(run.uuid(), withoutPersonalData(run)));
    return runs;
  }

  static RunRecord withoutPersonalData(RunRecord run) {
    Contact c = run.contact();
    return new RunRecord(
        run.uuid(),
        run.id(),
        run.flowUuid(),
        run.flowName(),
        new Contact(c.uuid(), null, null, null, c.ref()),
        run.startUuid(),
        run.responded(),
        run.path(),
        run.values(),
        run.createdOn(),
        run.modifiedOn(),
        run.exitedOn(),
        run.exitType());
  }

  private static RunRecord toRecord(Row row) {
    return new RunRecord(
        row.getAs("uuid"),
        row.getAs("id"),
        row.getAs("flow_uuid"),
        row.getAs("flow_name"),
        new Contact(
            row.getAs("contact_uuid"),
            row.getAs("contact_name"),
            row.getAs("contact_urn"),
            row.getAs("contact_urn_display"),
            row.getAs("contact_ref")),
        row.getAs("start_uuid"),
        row.<Boolean>getAs("responded"),
        path(row.getAs("path")),
        values(row.getAs("values")),
        instant(row.getAs("created_on")),
        instant(row.getAs("modified_on")),
        instant(row.getAs("exited_on")),
        row.getAs("exit_type"));
  }

  private static List<PathStep> path(scala.collection.Seq<Row> steps) {
    if (steps == null) {
      return null;
    }
    List<PathStep> path = new ArrayList<>();
    for (Row step : CollectionConverters.asJava(steps)) {
      path.add(new PathStep(step.getAs("node"), instant(step.getAs("time"))));
    }
    return path;
  }

  private static Map<String, ResultValue> values(scala.collection.Map<String, Row> values) {
    Map<String, ResultValue> out = new LinkedHashMap<>();
    for (Map.Entry<String, Row> e : CollectionConverters.asJava(values).entrySet()) {
      Row v = e.getValue();
      out.put(
          e.getKey(),
          new ResultValue(
              v.getAs("name"),
              v.getAs("value"),
              v.getAs("category"),
              v.getAs("node"),
              instant(v.getAs("time")),
              v.getAs("input")));
    }
    return out;
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private LakeRuns() {}
}
