package io.flowlake.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class WideResultColumnsTest {

  private static final StructType PAIR =
      new StructType()
          .add("flow_uuid", DataTypes.StringType)
          .add("flow_index", DataTypes.IntegerType)
          .add("flow_label", DataTypes.StringType)
          .add("result_key", DataTypes.StringType)
          .add("result_label", DataTypes.StringType);

  private static final Pattern ALIAS = Pattern.compile(" as `((?:[^`]|``)*)`");

  @Test
  void ordersGroupsByFlowIndexThenResultWithCategoryThenValue() {
    String sql =
        WideResultColumns.render(
            List.of(
                pair("f2", 2, "Survey", "b", "Beta"),
                pair("f1", 1, "Registration", "z", "Zed"),
                pair("f2", 2, "Survey", "a", "Alpha")));

    assertThat(aliases(sql))
        .containsExactly(
            "Zed (Category) - Registration",
            "Zed (Value) - Registration",
            "Alpha (Category) - Survey",
            "Alpha (Value) - Survey",
            "Beta (Category) - Survey",
            "Beta (Value) - Survey");
    assertThat(sql).contains("case when flow_index = 2 then result_values['a'].category end");
  }

  @Test
  void namesThatDifferOnlyByCaseGetTheirFlowAndKey() {
    String sql =
        WideResultColumns.render(
            List.of(pair("f1", 1, "Poll", "q1", "Q1"), pair("f2", 2, "poll", "q1", "q1")));

    assertThat(aliases(sql))
        .contains("Q1 (Category) - Poll [f1/q1]", "q1 (Category) - poll [f2/q1]");
  }

  @Test
  void quotesDataSoNoNameChangesTheQuery() {
    String sql =
        WideResultColumns.render(List.of(pair("f1", 1, "Flow `x`", "it's", "Say \\ 'hi'")));

    assertThat(sql)
        .contains("result_values['it\\'s'].category")
        .contains("as `Say \\ 'hi' (Category) - Flow ``x```");
  }

  @Test
  void rendersNothingWithoutResults() {
    assertThat(WideResultColumns.render(List.of())).isEmpty();
  }

  private static Row pair(
      String flowUuid, int flowIndex, String flowLabel, String key, String label) {
    return new GenericRowWithSchema(
        new Object[] {flowUuid, flowIndex, flowLabel, key, label}, PAIR);
  }

  private static List<String> aliases(String sql) {
    List<String> aliases = new ArrayList<>();
    Matcher m = ALIAS.matcher(sql);
    while (m.find()) {
      aliases.add(m.group(1).replace("``", "`"));
    }
    return aliases;
  }
}
