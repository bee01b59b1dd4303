package io.flowlake.lake;

import java.util.Map;

/**
 * What a vacuum of the lake did: the tables it vacuumed (of which it purged some first), the tables
 * it skipped as unchanged since a vacuum that left nothing to delete, and each table's mark for the
 * next vacuum, by its path under the lake's root.
 */
public record VacuumResult(int vacuumed, int purged, int skipped, Map<String, VacuumMark> marks) {

  public VacuumResult {
    marks = Map.copyOf(marks);
  }
}
