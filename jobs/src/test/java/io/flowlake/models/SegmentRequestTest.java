package io.flowlake.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowlake.config.ConfigException;
import io.flowlake.models.SegmentDimension.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentRequestTest {

  private static final Map<String, String> KEPT =
      Map.of(
          "gender", "text",
          "born", "number",
          "district", "district",
          "registration_date", "datetime",
          "household_size", "number");

  private static SegmentSettings resolve(String by, String bands) {
    return SegmentRequest.parse(by, bands, 10).resolve(KEPT);
  }

  @Test
  void eachFieldTypeBecomesItsKindInTheGivenOrder() {
    SegmentSettings settings =
        resolve(
            "gender,district,born:age,registration_date,household_size,group",
            "household_size=1-2,3-5,6-");

    assertThat(settings.dimensions())
        .extracting(SegmentDimension::name, SegmentDimension::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("gender", Kind.TEXT),
            org.assertj.core.groups.Tuple.tuple("district", Kind.LOCATION),
            org.assertj.core.groups.Tuple.tuple("age", Kind.AGE_FROM_YEAR),
            org.assertj.core.groups.Tuple.tuple("registration_date", Kind.YEAR),
            org.assertj.core.groups.Tuple.tuple("household_size", Kind.BANDED_NUMBER),
            org.assertj.core.groups.Tuple.tuple("group", Kind.GROUP));
    assertThat(settings.dimensions().get(4).bands())
        .extracting(SegmentBand::label)
        .containsExactly("1-2", "3-5", "6+");
  }

  @Test
  void ageHasUReportsDefaultBandsUnlessGiven() {
    assertThat(resolve("born:age", null).dimensions().get(0).bands())
        .extracting(SegmentBand::label)
        .containsExactly("0-14", "15-19", "20-24", "25-30", "31-34", "35+");
    assertThat(resolve("registration_date:age", "age=18-;0-17").dimensions().get(0))
        .satisfies(d -> assertThat(d.kind()).isEqualTo(Kind.AGE_FROM_DATE))
        .satisfies(
            d ->
                assertThat(d.bands())
                    .extracting(SegmentBand::label)
                    .containsExactly("0-17", "18+"));
  }

  @Test
  void badValuesAreOneLineNamingTheValue() {
    assertRefused("gender,Gender", null, "dimension 'gender' is given twice");
    assertRefused("gender,born-year", null, "'born-year' is not a field key");
    assertRefused("gender", "age=0-14,10-19", "bands 0-14 and 10-19 overlap");
    assertRefused("born:age", "age=0-14,19-15", "'19-15' ends before it starts");
    assertRefused("born:age", "age=teen", "'teen' is not a band");
    assertRefused(
        "gender", "household_size=1-2", "'household_size' is not a dimension of --segment-by");
    assertRefused("gender", "gender=1-2", "'gender' is a text field; bands are for number fields");
    assertRefused("district", "district=1-2", "'district' is a district field");
    assertRefused("group", "group=1-2", "'group' is a group dimension");
    assertRefused(
        "phone", null, "'phone' is not a contact field this lake keeps (kept: born,district,");
    assertRefused("gender:age", null, "'gender' is a text field; an age needs a number");
    assertRefused(
        "household_size", null, "a number field needs bands, e.g. --segment-bands household_size=");
    assertThatThrownBy(() -> SegmentRequest.parse("gender", null, 0))
        .isInstanceOf(ConfigException.class)
        .hasMessage("--min-segment-runs 0 must be 1 or more");
  }

  @Test
  void noDimensionsResolvesToNone() {
    assertThat(SegmentRequest.none().isEmpty()).isTrue();
    assertThat(SegmentRequest.none().resolve(Map.of()).dimensions()).isEmpty();
    assertThat(SegmentRequest.parse("gender, born:age ,group", null, 3).fields())
        .containsExactly("gender", "born");
  }

  private static void assertRefused(String by, String bands, String message) {
    assertThatThrownBy(() -> resolve(by, bands))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void bandsSplitOnSemicolonsOrTheNextName() {
    assertThat(SegmentBands.parse("age=0-17,18-,household_size=1-2;x=3"))
        .containsOnlyKeys("age", "household_size", "x")
        .satisfies(m -> assertThat(m.get("x")).containsExactly(new SegmentBand(3, 3L)))
        .satisfies(m -> assertThat(m.get("age")).hasSize(2));
    assertThat(List.of(new SegmentBand(35, null).label(), new SegmentBand(3, 3L).label()))
        .containsExactly("35+", "3");
  }
}
