package io.flowlake.lake;

import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;

/** The tables a pull writes, and their latest Delta versions read from their logs alone. */
public final class PulledTables {

  private PulledTables() {}

  /** Each pulled table's latest version, by name; a table the lake does not have is left out. */
  public static Map<String, Long> versions(LakePaths paths, Configuration conf) {
    DeltaLogFiles logs = new DeltaLogFiles(conf);
    Map<String, String> tables =
        Map.of(
            LakeTables.RUNS, paths.runs(),
            LakeTables.RUN_VALUES, paths.runValues(),
            LakeTables.REJECTS, paths.rejects(),
            LakeTables.CONTACTS, paths.contacts(),
            LakeTables.CONTACT_FIELDS, paths.contactFields(),
            LakeTables.GROUPS, paths.groups(),
            LakeTables.TOMBSTONES, paths.tombstones());
    Map<String, Long> versions = new TreeMap<>();
    tables.forEach((name, path) -> logs.latestVersion(path).ifPresent(v -> versions.put(name, v)));
    return versions;
  }
}
