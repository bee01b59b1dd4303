package io.flowlake.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelWavesTest {

  private final ModelCatalog catalog = ModelCatalog.load();
  private final List<List<Model>> waves = ModelWaves.of(catalog.models());

  @Test
  void holdsEveryModelOnceAndKeepsTheCatalogsOrderWithinAWave() {
    List<Model> flat = waves.stream().flatMap(List::stream).toList();
    assertThat(flat).containsExactlyInAnyOrderElementsOf(catalog.models());
    for (List<Model> wave : waves) {
      List<Model> inCatalogOrder = catalog.models().stream().filter(wave::contains).toList();
      assertThat(wave).isEqualTo(inCatalogOrder);
    }
  }

  @Test
  void aMartComesAfterTheMartsItReadsAndNoModelBeforeWhatItReads() {
    Map<String, Integer> waveOf = new HashMap<>();
    for (int i = 0; i < waves.size(); i++) {
      for (Model model : waves.get(i)) {
        waveOf.put(model.name(), i);
      }
    }
    Map<String, Model> byName = new HashMap<>();
    catalog.models().forEach(m -> byName.put(m.name(), m));
    for (Model model : catalog.models()) {
      for (String dependency : model.dependsOn()) {
        Model read = byName.get(dependency);
        if (read == null) {
          continue; // a source
        }
        if (read.isMart()) {
          assertThat(waveOf.get(model.name()))
              .as("%s reads the mart %s", model.name(), dependency)
              .isGreaterThan(waveOf.get(dependency));
        } else {
          // a view or cache is made before its wave's marts, after the earlier ones of its wave
          assertThat(waveOf.get(model.name()))
              .as("%s reads %s", model.name(), dependency)
              .isGreaterThanOrEqualTo(waveOf.get(dependency));
        }
      }
    }
  }

  @Test
  void theMartsThatReadOnlyFlowSummaryAndTheSharedStepsAreWrittenSideBySide() {
    List<String> secondWave = waves.get(1).stream().filter(Model::isMart).map(Model::name).toList();
    assertThat(secondWave)
        .contains(
            "flow_daily",
            "result_categories",
            "result_numeric",
            "node_dropoff",
            "flow_results_index",
            "flow_segments");
    assertThat(waves.get(0).stream().filter(Model::isMart).map(Model::name))
        .containsExactly("flow_summary");
  }
}
