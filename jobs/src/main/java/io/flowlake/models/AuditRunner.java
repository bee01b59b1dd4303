package io.flowlake.models;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Runs audits against the views currently registered; the first breach stops the run. */
final class AuditRunner {

  private static final int EXAMPLES = 3;

  private AuditRunner() {}

  /**
   * @throws AuditFailedException naming the mart and the audit, with a few offending rows
   */
  static void check(SparkSession spark, List<Audit> audits) {
    for (Audit audit : audits) {
      Dataset<Row> breaches = spark.sql(audit.sql());
      List<Row> examples = breaches.limit(EXAMPLES).collectAsList();
      if (!examples.isEmpty()) {
        throw new AuditFailedException(audit, breaches.count(), examples);
      }
    }
  }
}
