package io.flowlake.models;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Puts models after everything they depend on, keeping the declared order where it is free. */
final class DependencyOrder {

  private DependencyOrder() {}

  static List<Model> of(List<Source> sources, List<Model> declared) {
    Set<String> sourceNames = new HashSet<>();
    sources.forEach(s -> sourceNames.add(s.name()));
    Map<String, Model> byName = new LinkedHashMap<>();
    for (Model model : declared) {
      if (byName.put(model.name(), model) != null || sourceNames.contains(model.name())) {
        throw new IllegalArgumentException("model name '" + model.name() + "' is declared twice");
      }
    }
    for (Model model : declared) {
      for (String dependency : model.dependsOn()) {
        if (!byName.containsKey(dependency) && !sourceNames.contains(dependency)) {
          throw new IllegalArgumentException(
              "model "
                  + model.name()
                  + " depends on '"
                  + dependency
                  + "', which is neither a model nor a source");
        }
      }
    }
    List<Model> ordered = new ArrayList<>();
    Set<String> done = new HashSet<>(sourceNames);
    while (ordered.size() < declared.size()) {
      Model next =
          byName.values().stream()
              .filter(m -> !done.contains(m.name()) && done.containsAll(m.dependsOn()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "models depend on each other in a cycle: "
                              + byName.keySet().stream().filter(n -> !done.contains(n)).toList()));
      ordered.add(next);
      done.add(next.name());
    }
    return ordered;
  }
}
