package io.flowlake.cli;

import io.flowlake.config.ConfigException;
import io.flowlake.warehouse.FeedTable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code --tables}: which tables {@code export --jdbc-url} writes, checked before Spark starts. No
 * value means every base table the lake has, and the marts when they have been built; a named table
 * the lake lacks is an error instead.
 *
 * @param base the lake tables to feed, in {@link FeedTable#ALL}'s order
 * @param named whether the user listed them (so a missing one is an error, not skipped)
 */
record ExportTables(List<FeedTable> base, boolean marts, boolean named) {

  static final String MARTS = "marts";

  static ExportTables parse(String value) {
    if (value == null) {
      return new ExportTables(FeedTable.ALL, true, false);
    }
    Set<String> names = new LinkedHashSet<>();
    for (String name : value.split(",")) {
      String trimmed = name.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      if (!trimmed.equals(MARTS) && FeedTable.named(trimmed).isEmpty()) {
        throw new ConfigException(
            "--tables: no table '"
                + trimmed
                + "' to export; give some of runs, run_values, contacts, marts");
      }
      names.add(trimmed);
    }
    if (names.isEmpty()) {
      throw new ConfigException(
          "--tables is empty; give some of runs, run_values, contacts, marts");
    }
    List<FeedTable> base = new ArrayList<>();
    for (FeedTable table : FeedTable.ALL) {
      if (names.contains(table.name())) {
        base.add(table);
      }
    }
    return new ExportTables(List.copyOf(base), names.contains(MARTS), true);
  }
}
