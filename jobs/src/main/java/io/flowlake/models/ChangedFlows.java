package io.flowlake.models;

import static org.apache.spark.sql.functions.col;

import io.flowlake.lake.ChangeFeed;
import io.flowlake.lake.LakeTables;
import io.flowlake.lake.TransformState.Mark;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Which flows' mart rows may differ from what the lake now holds, from the change data feed since
 * the versions the marts were computed from: the flows of runs inserted, changed or deleted (both
 * images), of run_values rows changed, and, when the marts are segmented, of the runs of contacts
 * whose rows changed. Every flow when that cannot be known; {@link Decision#why()} says which.
 */
final class ChangedFlows {

  /** What a transform recomputes, and the one line that says why. */
  record Decision(FlowScope scope, String why) {}

  /** Flow uuids that can sit in a replaceWhere predicate as they are. */
  private static final Pattern PLAIN_UUID = Pattern.compile("[0-9A-Za-z-]{1,64}");

  private final SparkSession spark;
  private final String lake;

  ChangedFlows(SparkSession spark, String lake) {
    this.spark = spark;
    this.lake = lake;
  }

  /**
   * @param last what the marts were last computed from; empty before the first transform
   * @param now what they would be computed from now
   * @param marts the marts a partial scope patches: all must exist
   * @param segmented whether the segment marts read contacts
   */
  Decision since(Optional<Mark> last, Mark now, List<String> marts, boolean segmented) {
    if (last.isEmpty()) {
      return everyFlow("no record of what the marts were computed from");
    }
    if (!last.get().fingerprint().equals(now.fingerprint())) {
      return everyFlow("the models, their schema version or the segment settings changed");
    }
    for (String mart : marts) {
      if (TableSnapshot.latestVersionIfAny(spark, MartPaths.mart(lake, mart)).isEmpty()) {
        return everyFlow("mart " + mart + " is missing");
      }
    }
    Set<String> flows = new TreeSet<>();
    for (String table : SourceVersions.TABLES) {
      if (table.equals(LakeTables.CONTACTS) && !segmented) {
        continue;
      }
      Long before = last.get().versions().get(table);
      Long after = now.versions().get(table);
      if (before == null && after == null || before != null && before.equals(after)) {
        continue;
      }
      if (before == null || after == null || after < before) {
        return everyFlow(
            table + " is at version " + after + ", the marts were computed from " + before);
      }
      try {
        flows.addAll(changedFlows(table, before, after, last.get().runValuesInStep()));
      } catch (Exception e) { // Delta's AnalysisException is checked in Java's eyes
        if (!ChangeFeed.unavailable(e)) {
          throw e;
        }
        return everyFlow(
            "the change data feed of "
                + table
                + " cannot give versions "
                + (before + 1)
                + " to "
                + after
                + " (enabled later, or vacuumed)");
      }
    }
    Optional<String> odd = flows.stream().filter(f -> !PLAIN_UUID.matcher(f).matches()).findAny();
    if (odd.isPresent()) {
      return everyFlow("a changed flow's uuid is not a plain uuid");
    }
    if (flows.isEmpty()) {
      return new Decision(
          FlowScope.only(Set.of()),
          "nothing changed since " + SourceVersions.describe(now.versions()));
    }
    return new Decision(
        FlowScope.only(flows),
        "recomputing "
            + flows.size()
            + " changed flow(s), up to "
            + SourceVersions.describe(now.versions()));
  }

  private Set<String> changedFlows(String table, long before, long after, boolean runValuesInStep) {
    String path = MartPaths.table(lake, table);
    Dataset<Row> values =
        switch (table) {
          // every commit to runs changes the rows it records (ChangeFeed.touchedValues): the
          // flows are read from one column, not from whole nested rows compared image by image
          case LakeTables.RUNS -> ChangeFeed.touchedValues(spark, path, before, after, "flow_uuid");
          case LakeTables.RUN_VALUES ->
              RunValuesChanges.flows(spark, path, before, after, runValuesInStep);
          default -> contactsFlows(path, before, after);
        };
    Set<String> flows = new TreeSet<>();
    values.collectAsList().forEach(r -> flows.add(r.getString(0)));
    return flows;
  }

  /** The flows of the lake's runs whose contact's row changed. */
  private Dataset<Row> contactsFlows(String path, long before, long after) {
    Dataset<Row> contacts =
        ChangeFeed.changedValues(spark, path, before, after, List.of("uuid"), "uuid");
    Dataset<Row> runs = spark.read().format("delta").load(MartPaths.table(lake, LakeTables.RUNS));
    return runs.join(contacts, runs.col("contact_uuid").equalTo(contacts.col("value")), "left_semi")
        .select(col("flow_uuid"))
        .distinct();
  }

  private static Decision everyFlow(String why) {
    return new Decision(FlowScope.everyFlow(), "rebuilding every mart: " + why);
  }
}
