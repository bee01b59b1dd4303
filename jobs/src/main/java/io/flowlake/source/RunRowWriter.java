package io.flowlake.source;

import io.flowlake.api.Contact;
import io.flowlake.api.PathStep;
import io.flowlake.api.ResultValue;
import io.flowlake.api.RunRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Turns parsed runs straight into Spark's internal rows (no JSON round trip, no {@code Row}
 * conversion), writing only the columns the query asked for.
 */
final class RunRowWriter {

  private static final Map<String, Function<RunRecord, Object>> COLUMNS =
      Map.ofEntries(
          Map.entry("uuid", run -> utf8(run.uuid())),
          Map.entry("id", RunRecord::id),
          Map.entry("flow_uuid", run -> utf8(run.flowUuid())),
          Map.entry("flow_name", run -> utf8(run.flowName())),
          Map.entry("contact_uuid", run -> contact(run, Contact::uuid)),
          Map.entry("contact_name", run -> contact(run, Contact::name)),
          Map.entry("contact_urn", run -> contact(run, Contact::urn)),
          Map.entry("contact_urn_display", run -> contact(run, Contact::urnDisplay)),
          Map.entry("contact_ref", run -> contact(run, Contact::ref)),
          Map.entry("start_uuid", run -> utf8(run.startUuid())),
          Map.entry("responded", RunRecord::responded),
          Map.entry("path", run -> path(run.path())),
          Map.entry("values", run -> values(run.values())),
          Map.entry("created_on", run -> micros(run.createdOn())),
          Map.entry("modified_on", run -> micros(run.modifiedOn())),
          Map.entry("exited_on", run -> micros(run.exitedOn())),
          Map.entry("exit_type", run -> utf8(run.exitType())),
          Map.entry("path_length", run -> run.path() == null ? null : run.path().size()),
          Map.entry("last_node", run -> lastNode(run.path())),
          Map.entry(RunColumns.REJECT, run -> null));

  private final List<Function<RunRecord, Object>> columns;
  private final int rejectOrdinal;

  RunRowWriter(StructType schema) {
    this.columns = java.util.Arrays.stream(schema.fieldNames()).map(COLUMNS::get).toList();
    this.rejectOrdinal = java.util.Arrays.asList(schema.fieldNames()).indexOf(RunColumns.REJECT);
  }

  InternalRow run(RunRecord run) {
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = columns.get(i).apply(run);
    }
    return new GenericInternalRow(values);
  }

  /** A refused record as a row: only {@code _reject} is set (null when not selected). */
  InternalRow reject(String raw, String reason, String location) {
    Object[] values = new Object[columns.size()];
    if (rejectOrdinal >= 0) {
      values[rejectOrdinal] =
          new GenericInternalRow(new Object[] {utf8(raw), utf8(reason), utf8(location)});
    }
    return new GenericInternalRow(values);
  }

  private static Object contact(RunRecord run, Function<Contact, String> field) {
    return run.contact() == null ? null : utf8(field.apply(run.contact()));
  }

  private static Object path(List<PathStep> path) {
    if (path == null) {
      return null;
    }
    Object[] steps = new Object[path.size()];
    for (int i = 0; i < steps.length; i++) {
      PathStep step = path.get(i);
      steps[i] = new GenericInternalRow(new Object[] {utf8(step.node()), micros(step.time())});
    }
    return new GenericArrayData(steps);
  }

  private static Object values(Map<String, ResultValue> values) {
    Object[] keys = new Object[values.size()];
    Object[] structs = new Object[values.size()];
    int i = 0;
    for (Map.Entry<String, ResultValue> entry : values.entrySet()) {
      ResultValue v = entry.getValue();
      keys[i] = utf8(entry.getKey());
      structs[i] =
          new GenericInternalRow(
              new Object[] {
                utf8(v.name()),
                utf8(v.value()),
                utf8(v.category()),
                utf8(v.node()),
                micros(v.time()),
                utf8(v.input())
              });
      i++;
    }
    return new ArrayBasedMapData(new GenericArrayData(keys), new GenericArrayData(structs));
  }

  private static Object lastNode(List<PathStep> path) {
    return path == null || path.isEmpty() ? null : utf8(path.get(path.size() - 1).node());
  }

  static UTF8String utf8(String s) {
    return s == null ? null : UTF8String.fromString(s);
  }

  /** Spark timestamps are microseconds since the epoch, the API's precision. */
  static Long micros(Instant t) {
    return t == null ? null : ChronoUnit.MICROS.between(Instant.EPOCH, t);
  }
}
