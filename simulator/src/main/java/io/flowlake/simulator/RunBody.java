package io.flowlake.simulator;

import io.flowlake.api.PathStep;
import io.flowlake.api.ResultValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The part of a run that is not a row header: its path and its current result values. */
record RunBody(List<PathStep> path, Map<String, ResultValue> values) {
  RunBody {
    path = List.copyOf(path);
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }
}
