package io.flowlake.models;

import java.util.List;
import java.util.Map;

/**
 * What a transform wrote.
 *
 * @param rowCounts rows of each mart, in build order
 * @param auditsPassed every audit that ran (all passed, or the transform would have thrown)
 * @param modelSeconds wall time of each model, in build order: computing, auditing and writing a
 *     mart; only planning a view (its cost lands on the models that read it)
 * @param notes one-line notices for a person, e.g. that an old lake's marts were migrated; no
 *     personal data
 */
public record TransformResult(
    Map<String, Long> rowCounts,
    List<Audit> auditsPassed,
    Map<String, Double> modelSeconds,
    List<String> notes) {

  /** A transform with nothing to tell beyond its counts. */
  public TransformResult(
      Map<String, Long> rowCounts, List<Audit> auditsPassed, Map<String, Double> modelSeconds) {
    this(rowCounts, auditsPassed, modelSeconds, List.of());
  }

  public TransformResult {
    rowCounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rowCounts));
    auditsPassed = List.copyOf(auditsPassed);
    notes = List.copyOf(notes);
    modelSeconds =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(modelSeconds));
  }
}
