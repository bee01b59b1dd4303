package io.flowlake.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowlake.lake.PullRecord;
import io.flowlake.models.Audit;
import io.flowlake.models.TransformResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

/**
 * The machine-readable account of one scheduled run, filled in as the run goes: what a monitor or
 * an Airflow task reads instead of parsing log lines. Fields a run never reached stay null.
 */
public final class RunReport {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectNode root = JSON.createObjectNode();

  public RunReport(String runId, String command, String lake, Instant startedAt) {
    root.put("run_id", runId);
    root.put("command", command);
    root.put("lake", lake);
    root.put("started_at", startedAt.toString());
    root.putNull("finished_at");
    root.putNull("outcome");
    root.putNull("exit_code");
    root.putNull("pull");
    root.putNull("marts");
    root.putNull("audits");
    // the full pull's count check against flows.json; stays null when no check ran (incremental)
    root.putNull("reconciliation");
    root.putNull("stale_lock_replaced");
    // set when the run found nothing new before starting Spark (NothingNewRun)
    root.putNull("probe");
    root.putNull("error");
  }

  public String runId() {
    return root.get("run_id").asText();
  }

  public void staleLockReplaced(LockHolder dead) {
    ObjectNode n = root.putObject("stale_lock_replaced");
    n.put("run_id", dead.runId());
    n.put("pid", dead.pid());
    n.put("host", dead.host());
    n.put("started_at", dead.startedAt().toString());
    n.put("last_heartbeat", dead.heartbeat().toString());
  }

  public void pull(PullRecord p, long maxRejects) {
    ObjectNode n = root.putObject("pull");
    n.put("pull_id", p.pullId());
    n.put("kind", p.kind());
    n.put("t0", text(p.t0()));
    n.put("watermark_before", text(p.watermarkBefore()));
    n.put("watermark_after", text(p.watermarkAfter()));
    n.put("pages", p.pages());
    n.put("requests", p.requests());
    n.put("throttled_429", p.throttled());
    n.put("retries", p.retries());
    n.put("runs_merged", p.runsFetched());
    n.put("rejects", p.rejects());
    if (maxRejects < 0) {
      n.putNull("max_rejects");
    } else {
      n.put("max_rejects", maxRejects);
    }
    n.put("seconds", p.seconds());
    if ("full".equals(p.kind())) {
      // An empty list says "checked and agreed", which is different from "not checked" (null).
      p.countMismatches().forEach(root.putArray("reconciliation")::add);
    }
  }

  public void transform(TransformResult t) {
    root.put(
        "marts_scope",
        t.upToDate() ? "none" : t.scope().all() ? "all" : t.scope().flows().size() + " flows");
    ObjectNode marts = root.putObject("marts");
    for (Map.Entry<String, Long> mart : t.rowCounts().entrySet()) {
      marts.put(mart.getKey(), mart.getValue());
    }
    ArrayNode audits = root.putArray("audits");
    for (Audit audit : t.auditsPassed()) {
      audits.addObject().put("model", audit.model()).put("audit", audit.name()).put("passed", true);
    }
  }

  /** The run was decided by the probe, without Spark, in {@code seconds}. */
  public void probe(double seconds, long requests) {
    root.putObject("probe").put("seconds", seconds).put("requests", requests).put("spark", false);
  }

  public void finish(RunOutcome outcome, int exitCode, Instant finishedAt, String error) {
    root.put("finished_at", finishedAt.toString());
    root.put("outcome", outcome.id());
    root.put("exit_code", exitCode);
    if (error != null) {
      root.put("error", error);
    }
  }

  /** One line of JSON. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }
}
