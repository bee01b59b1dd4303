package io.flowlake.api;

import java.io.Serializable;
import java.util.List;

/**
 * A result a flow can write: the key runs use in {@code values}, its display name, its categories.
 */
public record FlowResult(String key, String name, List<String> categories) implements Serializable {

  public FlowResult {
    categories = List.copyOf(categories);
  }
}
