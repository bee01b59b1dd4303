import io.delta.tables.DeltaTable;
import io.flowlake.cli.Sparks;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * bench/merge-deletion-vectors: an incremental merge into a runs-shaped Delta table (partitioned by
 * created_month, 12 months, incompressible payload) with deletion vectors on, as flowlake had it,
 * and off, as it has it now so delta-rs and polars read the lake. The MERGE is RunsMerge's: match on
 * the batch's months and uuid, update when newer, insert otherwise. Two batch shapes: "recent" (the
 * changed runs in the last 2 months, what a scheduled pull mostly brings) and "spread" (one change in
 * every month, the worst case for copy-on-write: every partition's files rewritten). Each is merged
 * several times; the median merge time, the bytes each merge wrote, and then a full read are printed.
 */
public class MergeDeletionVectors {

  static final long ROWS = Long.getLong("bench.rows", 500_000);
  static final int BATCH = Integer.getInteger("bench.batch", 600);
  static final int REPEATS = Integer.getInteger("bench.repeats", 3);

  static final StructType SCHEMA =
      new StructType()
          .add("uuid", DataTypes.StringType, false)
          .add("flow_uuid", DataTypes.StringType, true)
          .add("payload", DataTypes.StringType, true)
          .add("modified_on", DataTypes.TimestampType, false)
          .add("created_month", DataTypes.StringType, false);

  public static void main(String[] args) throws Exception {
    Path work = Files.createTempDirectory("flowlake-bench-dv-");
    SparkSession spark = Sparks.open("bench").session();
    spark.sparkContext().setLogLevel("WARN");
    System.out.printf(
        "%,d rows, batches of %d, %d merges each; %d cores, load average %.2f%n",
        ROWS, BATCH, REPEATS, Runtime.getRuntime().availableProcessors(), load());
    for (String shape : List.of("recent", "spread")) {
      double on = 0;
      for (boolean vectors : List.of(true, false)) {
        String path = work.resolve(shape + "-dv-" + vectors).toString();
        create(spark, path, vectors);
        List<Double> seconds = new ArrayList<>();
        long bytes = 0;
        for (int r = 1; r <= REPEATS; r++) {
          seconds.add(merge(spark, path, shape, r));
          Map<String, String> metrics =
              DeltaTable.forPath(spark, path).history(1).select("operationMetrics").head().getJavaMap(0);
          bytes += Long.parseLong(metrics.getOrDefault("numTargetBytesAdded", "0"));
        }
        double median = seconds.stream().sorted().toList().get(seconds.size() / 2);
        long t0 = System.nanoTime();
        long count = spark.read().format("delta").load(path).where("payload like '%ff%'").count();
        double read = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
            "  %-6s deletion vectors %-3s: merge median %.2f s (%s), %.1f MB written per merge;"
                + " a full scan afterwards %.2f s (%d rows matched)%n",
            shape, vectors ? "on" : "off", median, seconds, bytes / 1e6 / REPEATS, read, count);
        if (vectors) {
          on = median;
        } else {
          System.out.printf("  %-6s off/on merge time: %.2fx%n", shape, median / on);
        }
      }
    }
    System.out.printf("load average at the end %.2f%n", load());
    spark.stop();
  }

  static void create(SparkSession spark, String path, boolean vectors) {
    DeltaTable.create(spark)
        .location(path)
        .addColumns(SCHEMA)
        .partitionedBy("created_month")
        .property("delta.enableDeletionVectors", Boolean.toString(vectors))
        .execute();
    rows(spark, spark.range(ROWS).toDF(), "timestamp'2025-12-31 00:00:00'")
        .repartition(24)
        .write()
        .format("delta")
        .mode("append")
        .save(path);
  }

  /** Runs-shaped rows for the ids in {@code ids}: 12 months, 8 flows, ~200 bytes of payload. */
  static Dataset<Row> rows(SparkSession spark, Dataset<Row> ids, String modifiedOn) {
    return ids.selectExpr(
        "concat('run-', id) as uuid",
        "concat('flow-', id % 8) as flow_uuid",
        "concat(sha2(cast(id as string), 256), sha2(cast(id * 7 as string), 256),"
            + " sha2(cast(id * 13 as string), 256)) as payload",
        modifiedOn + " as modified_on",
        "concat('2025-', lpad(cast(id % 12 + 1 as string), 2, '0')) as created_month");
  }

  /** One MERGE as RunsMerge does it; returns its seconds. */
  static double merge(SparkSession spark, String path, String shape, int round) {
    // "recent": ids whose month is 11 or 12; "spread": ids in every month
    String ids =
        shape.equals("recent")
            ? "((id + R) % (" + (ROWS / 12 - 1) + ")) * 12 + 10 + (id + R) % 2"
            : "(id * 9973 + R) % " + ROWS;
    ids = ids.replace("R", Long.toString(round * 100_003L));
    Dataset<Row> batch =
        rows(
                spark,
                spark.range(BATCH).selectExpr("cast((" + ids + ") % " + ROWS + " as bigint) as id"),
                "timestamp'2026-01-0" + round + " 00:00:00'")
            .dropDuplicates("uuid");
    List<String> months =
        batch.select("created_month").distinct().collectAsList().stream()
            .map(r -> "'" + r.getString(0) + "'")
            .toList();
    long t0 = System.nanoTime();
    DeltaTable.forPath(spark, path)
        .as("t")
        .merge(
            batch.as("s"),
            "t.created_month in (" + String.join(", ", months) + ") and t.uuid = s.uuid")
        .whenMatched("s.modified_on > t.modified_on")
        .updateAll()
        .whenNotMatched()
        .insertAll()
        .execute();
    return Math.round((System.nanoTime() - t0) / 1e7) / 100.0;
  }

  static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
