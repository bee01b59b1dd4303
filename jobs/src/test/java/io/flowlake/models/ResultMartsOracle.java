package io.flowlake.models;

import io.flowlake.api.RunRecord;
import io.flowlake.models.MartOracle.RunValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** result_categories, result_numeric and node labels, from run records in plain Java. */
final class ResultMartsOracle {

  private static final String OTHER = "Other";
  private static final String NO_RESPONSE = "No Response";
  private static final String ALL_RESPONSES = "All Responses";

  private ResultMartsOracle() {}

  static List<Row> resultCategories(List<RunRecord> runs) {
    List<Row> rows = new ArrayList<>();
    MartOracle.byFlow(runs)
        .forEach(
            (flow, flowRuns) -> {
              String flowName = MartOracle.flowName(flowRuns);
              long flowTotal = flowRuns.size();
              byKey(flowRuns)
                  .forEach(
                      (key, values) -> {
                        Map<String, Long> categories = new LinkedHashMap<>();
                        values.stream()
                            .map(v -> v.value().category())
                            .filter(Objects::nonNull)
                            .forEach(c -> categories.merge(c, 1L, Long::sum));
                        long resultTotal =
                            categories.values().stream().mapToLong(Long::longValue).sum();
                        List<Map.Entry<String, Long>> ordered =
                            new ArrayList<>(categories.entrySet());
                        ordered.sort(CHART_ORDER);
                        boolean freeText =
                            categories.size() == 1 && categories.containsKey(ALL_RESPONSES);
                        for (int i = 0; i < ordered.size(); i++) {
                          long count = ordered.get(i).getValue();
                          rows.add(
                              RowFactory.create(
                                  flow,
                                  flowName,
                                  key,
                                  resultName(values),
                                  ordered.get(i).getKey(),
                                  count,
                                  (double) count / resultTotal,
                                  (double) count / flowTotal,
                                  i + 1,
                                  freeText));
                        }
                      });
            });
    return rows;
  }

  static List<Row> resultNumeric(List<RunRecord> runs) {
    List<Row> rows = new ArrayList<>();
    MartOracle.byFlow(runs)
        .forEach(
            (flow, flowRuns) ->
                byKey(flowRuns)
                    .forEach(
                        (key, values) -> {
                          List<Double> numbers = new ArrayList<>();
                          boolean numeric = true;
                          for (RunValue v : values) {
                            String text = v.value().value();
                            String category = v.value().category();
                            if (text == null
                                || OracleMath.trimSpaces(text).isEmpty()
                                || "Other".equals(category)
                                || "No Response".equals(category)) {
                              continue; // unmatched answers neither make nor break a number
                            }
                            if (!OracleMath.NUMBER.matcher(text).matches()) {
                              numeric = false;
                              break;
                            }
                            numbers.add(Double.parseDouble(OracleMath.trimSpaces(text)));
                          }
                          if (!numeric || numbers.isEmpty()) {
                            return;
                          }
                          numbers.sort(Comparator.naturalOrder());
                          double sum = numbers.stream().mapToDouble(Double::doubleValue).sum();
                          rows.add(
                              RowFactory.create(
                                  flow,
                                  MartOracle.flowName(flowRuns),
                                  key,
                                  resultName(values),
                                  (long) numbers.size(),
                                  numbers.get(0),
                                  numbers.get(numbers.size() - 1),
                                  sum / numbers.size(),
                                  OracleMath.percentile(numbers, 0.25),
                                  OracleMath.percentile(numbers, 0.5),
                                  OracleMath.percentile(numbers, 0.75)));
                        }));
    return rows;
  }

  /**
   * The name of the result written by most of the flow's runs at {@code node} (ties: the smaller
   * key), or its key when it has no name; null when no result is written there.
   */
  static String nodeLabel(List<RunRecord> flowRuns, String node) {
    Map<String, Long> keys = new LinkedHashMap<>();
    for (RunValue v : RunValue.of(flowRuns)) {
      if (node.equals(v.value().node())) {
        keys.merge(v.key(), 1L, Long::sum);
      }
    }
    return keys.entrySet().stream()
        .max(
            Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
                .thenComparing(Map.Entry::getKey, OracleMath.CODE_POINT_ORDER.reversed()))
        .map(
            e -> {
              String name = resultName(byKey(flowRuns).get(e.getKey()));
              return name == null ? e.getKey() : name;
            })
        .orElse(null);
  }

  /** Categories by runs descending, ties by name; then "Other", then "No Response". */
  private static final Comparator<Map.Entry<String, Long>> CHART_ORDER =
      Comparator.<Map.Entry<String, Long>>comparingInt(e -> lastRank(e.getKey()))
          .thenComparing(Map.Entry::getValue, Comparator.reverseOrder())
          .thenComparing(Map.Entry::getKey, OracleMath.CODE_POINT_ORDER);

  private static int lastRank(String category) {
    return switch (category) {
      case OTHER -> 1;
      case NO_RESPONSE -> 2;
      default -> 0;
    };
  }

  /** The name on the most recently modified run that has one; ties go to the greater name. */
  static String resultName(List<RunValue> values) {
    return values.stream()
        .filter(v -> v.value().name() != null)
        .max(
            Comparator.comparing(RunValue::modifiedOn)
                .thenComparing(v -> v.value().name(), OracleMath.CODE_POINT_ORDER))
        .map(v -> v.value().name())
        .orElse(null);
  }

  private static Map<String, List<RunValue>> byKey(List<RunRecord> flowRuns) {
    return MartOracle.group(RunValue.of(flowRuns), RunValue::key);
  }
}
