package io.flowlake.models;

import io.flowlake.lake.DeltaLogFiles;
import io.flowlake.lake.LakePaths;
import io.flowlake.lake.LakeTables;
import io.flowlake.lake.TransformState;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/**
 * Whether a transform without segments would find nothing to do, decided as {@link Transform}
 * decides it but from files alone (the transform mark, the tables' {@code _delta_log} listings, the
 * models' fingerprint), so that a run can know it before starting Spark. Answers only "up to date"
 * or "cannot tell": a lake the change data feed would be needed for is left to the transform.
 */
public final class MartsCurrent {

  private MartsCurrent() {}

  /**
   * The transform's "up to date" result when the marts of an unsegmented run reflect the lake's
   * latest versions under today's models; empty otherwise.
   */
  public static Optional<TransformResult> ifUpToDate(LakePaths lake, Configuration conf) {
    Optional<TransformState.Mark> last = new TransformState(lake, conf).mark();
    ModelCatalog catalog = ModelCatalog.load();
    String fingerprint = MartsFingerprint.of(catalog, SegmentRequest.none().resolve(Map.of()));
    if (last.isEmpty() || !last.get().fingerprint().equals(fingerprint)) {
      return Optional.empty();
    }
    DeltaLogFiles logs = new DeltaLogFiles(conf);
    for (Model mart : catalog.marts()) {
      if (!logs.isTable(MartPaths.mart(lake.root(), mart.name()))) {
        return Optional.empty();
      }
    }
    Map<String, Long> now = SourceVersions.of(conf, lake.root());
    for (String table : SourceVersions.TABLES) {
      // unsegmented marts do not read contacts, as ChangedFlows skips them
      if (!table.equals(LakeTables.CONTACTS)
          && !java.util.Objects.equals(last.get().versions().get(table), now.get(table))) {
        return Optional.empty();
      }
    }
    return Optional.of(
        TransformResult.upToDate("nothing changed since " + SourceVersions.describe(now)));
  }
}
