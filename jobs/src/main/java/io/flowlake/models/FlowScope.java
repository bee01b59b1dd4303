package io.flowlake.models;

import java.util.Set;
import java.util.TreeSet;

/**
 * Which flows a transform recomputes: every flow (a full rebuild), or only the flows whose runs,
 * values or contacts changed since the marts were last computed. A mart written for a partial scope
 * replaces exactly the rows of the flows in it and keeps every other flow's rows.
 *
 * @param flows the flow uuids in scope, sorted; empty when {@code all} is true
 * @param all true for a full rebuild
 */
public record FlowScope(Set<String> flows, boolean all) {

  public FlowScope {
    flows = Set.copyOf(new TreeSet<>(flows));
    if (all && !flows.isEmpty()) {
      throw new IllegalArgumentException("a full scope lists no flows");
    }
  }

  /** Every flow: the marts are rebuilt from the whole lake. */
  public static FlowScope everyFlow() {
    return new FlowScope(Set.of(), true);
  }

  /** Only these flows (none at all when the set is empty: nothing changed). */
  public static FlowScope only(Set<String> flowUuids) {
    return new FlowScope(flowUuids, false);
  }

  /** True when nothing is in scope: the transform has nothing to do. */
  public boolean isNothing() {
    return !all && flows.isEmpty();
  }

  /** True when {@code flowUuid} is recomputed under this scope. */
  public boolean includes(String flowUuid) {
    return all || flows.contains(flowUuid);
  }
}
