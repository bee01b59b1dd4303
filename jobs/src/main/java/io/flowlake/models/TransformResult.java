package io.flowlake.models;

import java.util.List;
import java.util.Map;

/**
 * What a transform wrote.
 *
 * @param rowCounts rows of each mart, in build order
 * @param auditsPassed every audit that ran (all passed, or the transform would have thrown)
 */
public record TransformResult(Map<String, Long> rowCounts, List<Audit> auditsPassed) {

  public TransformResult {
    rowCounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rowCounts));
    auditsPassed = List.copyOf(auditsPassed);
  }
}
