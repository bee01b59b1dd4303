package io.flowlake.models;

/**
 * One band of a number or age dimension: whole numbers {@code lo} to {@code hi}, both included, or
 * {@code lo} and over when {@code hi} is null. A decimal value v is in the band when {@code lo <= v
 * < hi + 1}, so bands of whole numbers leave no gap for 2.5 between 1-2 and 3-5.
 *
 * @param lo the smallest value, 0 or more
 * @param hi the largest whole value, at least {@code lo}; null for no upper end
 */
public record SegmentBand(long lo, Long hi) {

  public SegmentBand {
    if (lo < 0 || (hi != null && hi < lo)) {
      throw new IllegalArgumentException("bad band " + lo + "-" + hi);
    }
  }

  /** How the band is named in the marts: {@code 15-19}, {@code 35+}, or {@code 3} for 3-3. */
  public String label() {
    if (hi == null) {
      return lo + "+";
    }
    return hi == lo ? Long.toString(lo) : lo + "-" + hi;
  }

  boolean overlaps(SegmentBand other) {
    boolean thisBelow = hi != null && hi < other.lo;
    boolean otherBelow = other.hi != null && other.hi < lo;
    return !thisBelow && !otherBelow;
  }

  /** As given on the command line: {@code 15-19}, {@code 35-}. */
  String spelling() {
    return hi == null ? lo + "-" : lo + "-" + hi;
  }
}
