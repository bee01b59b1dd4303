package io.flowlake.models;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a mart's audits against the views currently registered, in one Spark query: the row checks
 * are counted in a single scan of the mart, each query audit adds one branch. A mart with twenty
 * checks would otherwise pay for twenty jobs. Only a failing audit is run again, for examples.
 */
final class AuditRunner {

  private static final int EXAMPLES = 3;

  private AuditRunner() {}

  /**
   * @throws AuditFailedException for the first audit (in declared order) that finds breaches
   */
  static void check(SparkSession spark, List<Audit> audits) {
    if (audits.isEmpty()) {
      return;
    }
    long[] breaches = new long[audits.size()];
    for (Row row : spark.sql(countingQuery(audits)).collectAsList()) {
      breaches[row.getInt(0)] = row.getLong(1);
    }
    for (int i = 0; i < audits.size(); i++) {
      if (breaches[i] > 0) {
        Audit audit = audits.get(i);
        List<Row> examples = spark.sql(audit.sql()).limit(EXAMPLES).collectAsList();
        throw new AuditFailedException(audit, breaches[i], examples);
      }
    }
  }

  /** (audit_index, breaches) for every audit. */
  static String countingQuery(List<Audit> audits) {
    List<String> branches = new ArrayList<>();
    List<String> counts = new ArrayList<>();
    List<String> unpivot = new ArrayList<>();
    String model = audits.get(0).model();
    for (int i = 0; i < audits.size(); i++) {
      Audit audit = audits.get(i);
      if (audit.isRowCheck()) {
        counts.add("count_if(" + audit.rowCondition() + ") as breaches_" + i);
        unpivot.add(i + ", breaches_" + i);
      } else {
        // the audit's text on lines of its own: a trailing "-- comment" must not swallow the ")"
        branches.add(
            "select "
                + i
                + " as audit_index, count(*) as breaches from (\n"
                + audit.sql()
                + "\n) as audit_"
                + i);
      }
    }
    if (!counts.isEmpty()) {
      branches.add(
          "select stack("
              + unpivot.size()
              + ", "
              + String.join(", ", unpivot)
              + ") as (audit_index, breaches) from (select "
              + String.join(", ", counts)
              + " from "
              + SqlText.identifier(model)
              + ") as row_checks");
    }
    return String.join("\nunion all\n", branches);
  }
}
