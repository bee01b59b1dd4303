package io.flowlake.api;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A flow as {@code /api/v2/flows.json} lists it.
 *
 * @param uuid the flow's UUID, as in a run's {@code flow.uuid}
 * @param name its current name
 * @param runs run counts by status ({@code active, waiting, completed, interrupted, expired,
 *     failed}), in the server's order
 * @param results the results its runs can carry
 */
public record FlowSummary(
    String uuid, String name, Map<String, Long> runs, List<FlowResult> results)
    implements Serializable {}
