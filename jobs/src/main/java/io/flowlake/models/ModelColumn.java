package io.flowlake.models;

import java.util.List;

/** A documented output column of a model and the tests that must hold of it. */
public record ModelColumn(String name, String description, List<ColumnTest> tests) {

  public ModelColumn {
    tests = List.copyOf(tests);
  }
}
