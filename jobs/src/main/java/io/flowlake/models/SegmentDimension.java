package io.flowlake.models;

import java.util.List;

/**
 * One dimension of the segment marts, resolved against the lake's contact fields.
 *
 * @param name the mart's {@code dimension} value: the field key, {@code age} or {@code group}
 * @param field the contact field read; null for {@code group}
 * @param kind how a value becomes a segment
 * @param bands the bands of a {@link Kind#BANDED_NUMBER} or age dimension, lowest first; else empty
 */
public record SegmentDimension(String name, String field, Kind kind, List<SegmentBand> bands) {

  /** How a contact's value becomes a segment (docs/segments.md); {@link #id} is what SQL reads. */
  public enum Kind {
    /** A text field: one segment per value, trimmed and lower-cased. */
    TEXT("text"),
    /** A state, district or ward field: the last name of the location's path. */
    LOCATION("location"),
    /** A number field cut into bands. */
    BANDED_NUMBER("banded_number"),
    /** A datetime field: the year, as the workspace wrote it. */
    YEAR("year"),
    /** A year-of-birth number field: the age at the run's start, cut into bands. */
    AGE_FROM_YEAR("age_from_year"),
    /** A date-of-birth datetime field: the age at the run's start, cut into bands. */
    AGE_FROM_DATE("age_from_date"),
    /** One segment per group the contact is in; these overlap. */
    GROUP("group");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  public SegmentDimension {
    bands = List.copyOf(bands);
  }
}
