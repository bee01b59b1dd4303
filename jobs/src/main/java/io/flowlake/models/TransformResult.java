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
 */
public record TransformResult(
    Map<String, Long> rowCounts, List<Audit> auditsPassed, Map<String, Double> modelSeconds) {

  public TransformResult {
    rowCounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rowCounts));
    auditsPassed = List.copyOf(auditsPassed);
    modelSeconds =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(modelSeconds));
  }
}
