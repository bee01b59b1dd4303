package io.flowlake.models;

import java.util.List;

/**
 * What the segment marts are cut by: resolved dimensions, in {@code --segment-by} order, and the
 * run count under which a segment is suppressed in exports.
 */
public record SegmentSettings(List<SegmentDimension> dimensions, int minSegmentRuns) {

  /** No dimensions: the segment marts are written empty. */
  public static final SegmentSettings NONE = new SegmentSettings(List.of(), 10);

  public SegmentSettings {
    dimensions = List.copyOf(dimensions);
    if (minSegmentRuns < 1) {
      throw new IllegalArgumentException("minSegmentRuns must be positive: " + minSegmentRuns);
    }
  }
}
