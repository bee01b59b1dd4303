package io.flowlake.models;

/** How the runner keeps a model's rows during a transform. */
public enum Materialization {
  /** A lazy temp view: recomputed by each reader, which Spark then optimises as one plan. */
  VIEW,
  /** Computed once and kept in memory (spilling to disk), because several models read it. */
  CACHE,
  /** Audited, written to {@code <lake>/marts/<name>} in one Delta commit, then read back. */
  MART
}
