package io.flowlake.models;

import io.flowlake.api.ContactRecord;
import io.flowlake.api.RunRecord;
import io.flowlake.models.MartOracle.RunValue;
import io.flowlake.models.SegmentPlacement.Placed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * flow_segments and result_segments computed again in plain Java from run records and the contacts
 * as the lake holds them (docs/marts.md, docs/segments.md). Rows hold the marts' columns in the
 * marts' order.
 */
public final class SegmentOracle {

  private static final Set<String> LAST = Set.of("(other)", "(unknown)", "(no group)");

  private SegmentOracle() {}

  /**
   * Asserts that both segment marts in {@code <lake>/marts} hold exactly the oracle's rows.
   *
   * @param contacts the contacts the lake should hold, their fields limited to the kept ones
   */
  public static void assertMartsMatch(
      SparkSession spark,
      String lake,
      List<RunRecord> runs,
      List<ContactRecord> contacts,
      SegmentSettings settings) {
    Map<String, List<Row>> expected = new LinkedHashMap<>();
    expected.put("flow_segments", flowSegments(runs, contacts, settings));
    expected.put("result_segments", resultSegments(runs, contacts, settings));
    expected.forEach(
        (mart, rows) -> {
          Dataset<Row> actual = spark.read().format("delta").load(MartPaths.mart(lake, mart));
          RowComparison.assertSameRows(
              mart, List.of(actual.columns()), actual.collectAsList(), rows);
        });
  }

  /** The contacts as a lake keeps them: not deleted, only the {@code kept} fields with a value. */
  public static List<ContactRecord> asKept(List<ContactRecord> contacts, Set<String> kept) {
    List<ContactRecord> lake = new ArrayList<>();
    for (ContactRecord c : contacts) {
      if (c.deleted()) {
        continue;
      }
      Map<String, String> fields = new LinkedHashMap<>();
      c.fields()
          .forEach(
              (k, v) -> {
                if (kept.contains(k) && v != null) {
                  fields.put(k, v);
                }
              });
      lake.add(
          new ContactRecord(
              c.uuid(),
              c.name(),
              c.ref(),
              c.status(),
              c.language(),
              c.urns(),
              c.groups(),
              fields,
              c.flow(),
              c.createdOn(),
              c.modifiedOn(),
              c.lastSeenOn(),
              false));
    }
    return lake;
  }

  /** One (flow, dimension, segment) and its runs. */
  private record Cell(String flow, String dimension, String segment) {}

  static List<Row> flowSegments(
      List<RunRecord> runs, List<ContactRecord> contacts, SegmentSettings settings) {
    Map<Cell, List<RunRecord>> cells = new LinkedHashMap<>();
    Map<Cell, Integer> bandPositions = new LinkedHashMap<>();
    Map<String, ContactRecord> byUuid = byUuid(contacts);
    for (RunRecord run : runs) {
      for (Placed p : SegmentPlacement.of(run, byUuid, settings.dimensions())) {
        Cell cell = new Cell(run.flowUuid(), p.dimension(), p.segment());
        cells.computeIfAbsent(cell, c -> new ArrayList<>()).add(run);
        if (p.bandPosition() != null) {
          bandPositions.put(cell, p.bandPosition());
        }
      }
    }
    Map<String, String> flowNames = new LinkedHashMap<>();
    MartOracle.byFlow(runs).forEach((f, rs) -> flowNames.put(f, MartOracle.flowName(rs)));
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<Cell, List<RunRecord>> e : cells.entrySet()) {
      Cell cell = e.getKey();
      List<RunRecord> rs = e.getValue();
      long total = rs.size();
      long ongoing = rs.stream().filter(r -> r.exitType() == null).count();
      long completed = exits(rs, "completed");
      long interrupted = exits(rs, "interrupted");
      long expired = exits(rs, "expired");
      long failed = exits(rs, "failed");
      long responded = rs.stream().filter(RunRecord::responded).count();
      rows.add(
          RowFactory.create(
              cell.flow(),
              flowNames.get(cell.flow()),
              cell.dimension(),
              cell.segment(),
              total,
              ongoing,
              completed,
              interrupted,
              expired,
              failed,
              responded,
              (double) completed / total,
              (double) responded / total,
              (double) interrupted / total,
              (double) expired / total,
              (double) failed / total,
              total < settings.minSegmentRuns(),
              position(settings, cell.dimension()),
              segmentOrder(cell, cells.keySet(), bandPositions)));
    }
    return rows;
  }

  static List<Row> resultSegments(
      List<RunRecord> runs, List<ContactRecord> contacts, SegmentSettings settings) {
    Map<String, ContactRecord> byUuid = byUuid(contacts);
    Map<Cell, Long> segmentRuns = new LinkedHashMap<>();
    Map<List<String>, Long> counts = new LinkedHashMap<>(); // flow, key, category, dim, segment
    for (RunRecord run : runs) {
      List<Placed> placed = SegmentPlacement.of(run, byUuid, settings.dimensions());
      placed.forEach(
          p ->
              segmentRuns.merge(
                  new Cell(run.flowUuid(), p.dimension(), p.segment()), 1L, Long::sum));
      run.values()
          .forEach(
              (key, value) -> {
                if (value.category() != null) {
                  for (Placed p : placed) {
                    List<String> id =
                        List.of(run.flowUuid(), key, value.category(), p.dimension(), p.segment());
                    counts.merge(id, 1L, Long::sum);
                  }
                }
              });
    }
    Map<List<String>, Long> resultTotals = new LinkedHashMap<>(); // flow, key, dim, segment
    counts.forEach(
        (id, n) ->
            resultTotals.merge(List.of(id.get(0), id.get(1), id.get(3), id.get(4)), n, Long::sum));
    Map<String, String> flowNames = new LinkedHashMap<>();
    Map<List<String>, String> resultNames = new LinkedHashMap<>();
    MartOracle.byFlow(runs)
        .forEach(
            (f, rs) -> {
              flowNames.put(f, MartOracle.flowName(rs));
              MartOracle.group(RunValue.of(rs), RunValue::key)
                  .forEach(
                      (k, vs) -> resultNames.put(List.of(f, k), ResultMartsOracle.resultName(vs)));
            });
    List<Row> rows = new ArrayList<>();
    counts.forEach(
        (id, n) -> {
          long total = resultTotals.get(List.of(id.get(0), id.get(1), id.get(3), id.get(4)));
          long inSegment = segmentRuns.get(new Cell(id.get(0), id.get(3), id.get(4)));
          rows.add(
              RowFactory.create(
                  id.get(0),
                  flowNames.get(id.get(0)),
                  id.get(1),
                  resultNames.get(List.of(id.get(0), id.get(1))),
                  id.get(2),
                  id.get(3),
                  id.get(4),
                  n,
                  (double) n / total,
                  inSegment < settings.minSegmentRuns()));
        });
    return rows;
  }

  private static int segmentOrder(Cell cell, Set<Cell> all, Map<Cell, Integer> bandPositions) {
    Comparator<Cell> order =
        Comparator.<Cell>comparingInt(c -> LAST.contains(c.segment()) ? 1 : 0)
            .thenComparingInt(c -> bandPositions.getOrDefault(c, 0))
            .thenComparing(Cell::segment, OracleMath.CODE_POINT_ORDER);
    return 1
        + (int)
            all.stream()
                .filter(c -> c.flow().equals(cell.flow()) && c.dimension().equals(cell.dimension()))
                .filter(c -> order.compare(c, cell) < 0)
                .count();
  }

  private static int position(SegmentSettings settings, String dimension) {
    List<SegmentDimension> dims = settings.dimensions();
    for (int i = 0; i < dims.size(); i++) {
      if (dims.get(i).name().equals(dimension)) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("no dimension " + dimension);
  }

  private static long exits(List<RunRecord> runs, String exitType) {
    return runs.stream().filter(r -> exitType.equals(r.exitType())).count();
  }

  private static Map<String, ContactRecord> byUuid(List<ContactRecord> contacts) {
    Map<String, ContactRecord> byUuid = new LinkedHashMap<>();
    contacts.forEach(c -> byUuid.put(c.uuid(), c));
    return byUuid;
  }
}
