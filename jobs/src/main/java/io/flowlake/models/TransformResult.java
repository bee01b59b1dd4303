package io.flowlake.models;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a transform wrote.
 *
 * @param rowCounts rows of each mart written, in build order: under a partial scope, the rows of
 *     the scope's flows (the mart's other rows were kept as they were)
 * @param auditsPassed every audit that ran (all passed, or the transform would have thrown)
 * @param modelSeconds wall time of each model, in build order: computing, auditing and writing a
 *     mart; only planning a view (its cost lands on the models that read it)
 * @param scope the flows recomputed; {@link FlowScope#isNothing()} when the marts were up to date
 * @param why one line saying why this scope (what changed, or why every mart was rebuilt)
 * @param notes one-line notices for a person, e.g. that an old lake's marts were migrated; no
 *     personal data
 */
public record TransformResult(
    Map<String, Long> rowCounts,
    List<Audit> auditsPassed,
    Map<String, Double> modelSeconds,
    FlowScope scope,
    String why,
    List<String> notes) {

  public TransformResult {
    rowCounts = Collections.unmodifiableMap(new LinkedHashMap<>(rowCounts));
    auditsPassed = List.copyOf(auditsPassed);
    modelSeconds = Collections.unmodifiableMap(new LinkedHashMap<>(modelSeconds));
    notes = List.copyOf(notes);
  }

  /** A full rebuild's result, with nothing to tell beyond its counts. */
  public TransformResult(
      Map<String, Long> rowCounts, List<Audit> auditsPassed, Map<String, Double> modelSeconds) {
    this(rowCounts, auditsPassed, modelSeconds, FlowScope.everyFlow(), "", List.of());
  }

  /** Nothing changed since the marts were computed: nothing was written. */
  static TransformResult upToDate(String why) {
    return new TransformResult(
        Map.of(), List.of(), Map.of(), FlowScope.only(Set.of()), why, List.of());
  }

  /** True when the marts were already up to date and nothing was written. */
  public boolean upToDate() {
    return scope.isNothing();
  }

  TransformResult because(String reason) {
    return new TransformResult(rowCounts, auditsPassed, modelSeconds, scope, reason, notes);
  }
}
