package io.flowlake.models;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a mart's audits against the views currently registered. All of them are counted in one Spark
 * job (each audit is a separate query, so a mart with ten audits would otherwise pay for ten jobs);
 * only a failing audit is run again, for a few example rows.
 */
final class AuditRunner {

  private static final int EXAMPLES = 3;

  private AuditRunner() {}

  /**
   * @throws AuditFailedException for the first audit (in declared order) that returns rows
   */
  static void check(SparkSession spark, List<Audit> audits) {
    if (audits.isEmpty()) {
      return;
    }
    List<String> counts = new ArrayList<>();
    for (int i = 0; i < audits.size(); i++) {
      // the audit's text on lines of its own: a trailing "-- comment" must not swallow the ")"
      counts.add(
          "select "
              + i
              + " as audit_index, count(*) as breaches from (\n"
              + audits.get(i).sql()
              + "\n) as audit_"
              + i);
    }
    long[] breaches = new long[audits.size()];
    for (Row row : spark.sql(String.join("\nunion all\n", counts)).collectAsList()) {
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
}
