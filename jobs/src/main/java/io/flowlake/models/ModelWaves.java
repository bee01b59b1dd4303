package io.flowlake.models;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups models, already in dependency order, into waves a transform runs one after the other:
 * first a wave's views and caches in order, on the calling thread, then its marts at once. A mart
 * comes in a later wave than every mart it reads, since those are read back once written; a view or
 * a cache may share its dependencies' wave, since it is made before that wave's marts. Most marts
 * read only {@code flow_summary} and the shared steps, so they fall in one wave and their commits
 * overlap.
 */
final class ModelWaves {

  private ModelWaves() {}

  static List<List<Model>> of(List<Model> ordered) {
    Map<String, Model> byName = new HashMap<>();
    Map<String, Integer> wave = new HashMap<>();
    List<List<Model>> waves = new ArrayList<>();
    for (Model model : ordered) {
      int at = 0;
      for (String dependency : model.dependsOn()) {
        Model read = byName.get(dependency);
        if (read != null) {
          at = Math.max(at, wave.get(dependency) + (read.isMart() ? 1 : 0));
        }
      }
      byName.put(model.name(), model);
      wave.put(model.name(), at);
      while (waves.size() <= at) {
        waves.add(new ArrayList<>());
      }
      waves.get(at).add(model);
    }
    return waves;
  }
}
