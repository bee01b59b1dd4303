package io.flowlake.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldSelectionTest {

  private static final List<String> WORKSPACE = List.of("gender", "born", "district", "ward");

  @Test
  void keepsNothingByDefaultEverythingForAStarAndOnlyTheListedKeysOtherwise() {
    FieldSelection none = CommandSettings.CONTACT_FIELDS.from(java.util.Map.of());
    FieldSelection all = FieldSelection.parse(" * ");
    FieldSelection listed = FieldSelection.parse("gender, born,gender");

    assertThat(WORKSPACE).noneMatch(none::keeps);
    assertThat(WORKSPACE).allMatch(all::keeps);
    assertThat(WORKSPACE).filteredOn(listed::keeps).containsExactly("gender", "born");
    assertThat(listed).hasToString("gender,born");
  }

  @ParameterizedTest
  @ValueSource(strings = {"gender,,born", "gender,", "Gender", "born year", "*,gender", "1born"})
  void refusesTextThatIsNotAListOfKeys(String text) {
    assertThatThrownBy(() -> CommandSettings.CONTACT_FIELDS.parse(text))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'" + text + "'")
        .hasMessageContaining("comma list of field keys")
        .hasMessageNotContaining("\n");
  }

  @Test
  void anUnknownKeyIsRefusedWithTheClosestKeyOfTheWorkspace() {
    assertThatThrownBy(() -> FieldSelection.parse("gender,distrct").requireKnown(WORKSPACE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("no contact field 'distrct'")
        .hasMessageContaining("did you mean 'district'?");
    assertThatThrownBy(() -> FieldSelection.parse("income").requireKnown(WORKSPACE))
        .hasMessageNotContaining("did you mean");
    FieldSelection.ALL.requireKnown(WORKSPACE);
    FieldSelection.parse("ward,born").requireKnown(WORKSPACE);
  }
}
