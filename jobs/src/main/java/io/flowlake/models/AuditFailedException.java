package io.flowlake.models;

import java.util.List;
import org.apache.spark.sql.Row;

/** An audit found rows that break it; the mart was not written. */
public final class AuditFailedException extends RuntimeException {

  private final transient Audit audit;
  private final long offendingRows;

  AuditFailedException(Audit audit, long offendingRows, List<Row> examples) {
    super(
        "audit "
            + audit.name()
            + " failed on mart "
            + audit.model()
            + ": "
            + offendingRows
            + (offendingRows == 1 ? " row breaks it" : " rows break it")
            + ", e.g. "
            + examples
            + "; the mart was left as it was");
    this.audit = audit;
    this.offendingRows = offendingRows;
  }

  /** The mart (or model) the audit checks. */
  public String mart() {
    return audit.model();
  }

  /** The audit's name, e.g. {@code flow_summary_counts_add_up} or {@code not_null(flow_uuid)}. */
  public String auditName() {
    return audit.name();
  }

  public long offendingRows() {
    return offendingRows;
  }
}
