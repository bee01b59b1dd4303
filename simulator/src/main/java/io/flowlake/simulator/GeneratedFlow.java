package io.flowlake.simulator;

/** A flow with what the generator needs to make answers for it. */
record GeneratedFlow(int index, FlowDefinition definition, FlowTemplate template) {

  String nodeUuid(int node) {
    return definition.nodeUuids().get(node);
  }

  FlowResult result(int slot) {
    return definition.results().get(slot);
  }

  long expiresMicros() {
    return definition.expiresMinutes() * 60_000_000L;
  }
}
