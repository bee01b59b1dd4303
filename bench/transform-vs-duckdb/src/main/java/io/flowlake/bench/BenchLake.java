package io.flowlake.bench;

import io.delta.tables.DeltaTable;
import io.flowlake.lake.FlowLayout;
import io.flowlake.lake.LakeTables;
import io.flowlake.models.MartPaths;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Writes a synthetic lake of N runs straight from Spark SQL (no API, no pull): the runs and
 * run_values Delta tables with the schemas of {@link LakeTables}. Deterministic: the same N gives
 * the same lake. Shape: 50 flows of 8 nodes; runs walk 1-8 nodes; 60% complete, 15% expire, 5% are
 * interrupted, 1% fail, the rest are ongoing; 70% responded; each run holds up to four results
 * (free text, a number, a category, a rating) written at nodes 1-4 as it reaches them.
 */
public final class BenchLake {

  private static final String CHANGE_FEED = "delta.enableChangeDataFeed";

  static final int FLOWS = 50;
  static final int NODES = 8;

  private BenchLake() {}

  public static void write(SparkSession spark, String lake, long runs, int files) {
    spark.sql(nodesSql()).createOrReplaceTempView("bench_flow_nodes");
    // the ids are generated in `files` tasks, then laid out by flow within each month (a
    // shuffle), as a pull's first load lays them out
    Dataset<Row> runRows =
        FlowLayout.byFlow(spark.sql(runsSql(runs, files)), runs, FlowLayout.RUNS_PER_FILE);
    runRows
        .write()
        .format("delta")
        .mode("overwrite")
        .option("overwriteSchema", "true")
        .partitionBy(LakeTables.PARTITION_COLUMN)
        .save(MartPaths.table(lake, LakeTables.RUNS));
    spark
        .read()
        .format("delta")
        .load(MartPaths.table(lake, LakeTables.RUNS))
        .createOrReplaceTempView("bench_runs");
    FlowLayout.filePerTask(
        spark,
        () ->
            spark
                .sql(runValuesSql())
                .write()
                .format("delta")
                .mode("overwrite")
                .option("overwriteSchema", "true")
                .partitionBy(LakeTables.PARTITION_COLUMN)
                .save(MartPaths.table(lake, LakeTables.RUN_VALUES)));
  }

  /**
   * Turns on the change data feed of runs and run_values, as a pull's tables have it, so an
   * incremental transform can tell which flows changed. A lake generated before gets it now: before
   * the first transform, so the feed covers every version after the marts' record.
   */
  public static void recordChanges(SparkSession spark, String lake) {
    for (String table : List.of(LakeTables.RUNS, LakeTables.RUN_VALUES)) {
      String path = MartPaths.table(lake, table);
      Map<String, String> properties =
          DeltaTable.forPath(spark, path).detail().select("properties").head().getJavaMap(0);
      if (!"true".equals(properties.get(CHANGE_FEED))) {
        spark.sql(
            "alter table delta.`" + path + "` set tblproperties ('" + CHANGE_FEED + "' = 'true')");
      }
    }
  }

  /**
   * Writes the data files of runs and run_values at their latest version, one path a line, to
   * {@code <dir>/<table>.files}: DuckDB reads those, not every Parquet file under the table (a
   * merge leaves the files it replaced there until a vacuum).
   */
  public static void writeActiveFiles(SparkSession spark, String lake, Path dir)
      throws IOException {
    Files.createDirectories(dir);
    for (String table : List.of(LakeTables.RUNS, LakeTables.RUN_VALUES)) {
      String[] files = spark.read().format("delta").load(MartPaths.table(lake, table)).inputFiles();
      List<String> local =
          Arrays.stream(files).map(f -> Path.of(URI.create(f)).toString()).sorted().toList();
      Files.write(dir.resolve(table + ".files"), local);
    }
  }

  /** One row per flow: its uuid, name and the uuids of its nodes in order. */
  private static String nodesSql() {
    return """
        select
            flow_no,
            %s as flow_uuid,
            concat('Flow ', flow_no) as flow_name,
            transform(sequence(1, %d), k -> %s) as nodes
        from (select explode(sequence(0, %d)) as flow_no)
        """
        .formatted(
            uuidOf("concat('flow-', flow_no)"),
            NODES,
            uuidOf("concat('node-', flow_no, '-', k)"),
            FLOWS - 1);
  }

  private static String runsSql(long runs, int files) {
    return """
        with

        draws as (
            select
                id,
                pmod(hash(id, 11), %d) as flow_no,
                pmod(hash(id, 12), 1000) as exit_draw,
                pmod(hash(id, 13), 100) < 70 as responded,
                timestamp'2024-01-01 00:00:00' + make_interval(0, 0, 0, 0, 0, 0, pmod(hash(id, 14), 31536000) + pmod(hash(id, 17), 1000000) / 1000000.0) as created_on,
                pmod(hash(id, 15), 3600) + 5 as duration,
                pmod(hash(id, 16), %d) + 1 as steps
            from range(0, %d, 1, %d)
        ),

        shaped as (
            select
                draws.*,
                flows.flow_uuid,
                flows.flow_name,
                flows.nodes as flow_nodes,
                slice(flows.nodes, 1, steps) as path_nodes,
                case
                    when exit_draw < 600 then 'completed'
                    when exit_draw < 750 then 'expired'
                    when exit_draw < 800 then 'interrupted'
                    when exit_draw < 810 then 'failed'
                end as exit_type
            from draws
            join bench_flow_nodes as flows
                on draws.flow_no = flows.flow_no
        )

        select
            %s as uuid,
            id,
            flow_uuid,
            flow_name,
            %s as contact_uuid,
            concat('Contact ', pmod(hash(id, 31), 2000000)) as contact_name,
            concat('tel:+2507', lpad(cast(pmod(hash(id, 31), 2000000) as string), 8, '0')) as contact_urn,
            cast(null as string) as contact_urn_display,
            cast(null as string) as contact_ref,
            cast(null as string) as start_uuid,
            responded,
            -- step i (from 0) at created_on + 10 i seconds. Written without lambdas (transform,
            -- filter), which Spark interprets row by row, several times slower than generated code
            cast(arrays_zip(path_nodes, sequence(created_on, created_on + make_interval(0, 0, 0, 0, 0, 0, (steps - 1) * 10), interval 10 seconds)) as array<struct<node: string, time: timestamp>>) as path,
            -- result k (of four) is written at node k, on runs that reach it
            map_from_arrays(slice(array('name', 'age', 'color', 'rating'), 1, least(steps, 4)), slice(array(
                named_struct('name', 'Name', 'value', concat('name ', pmod(hash(id, 23), 100000)), 'category', 'All Responses', 'node', flow_nodes[0], 'time', created_on, 'input', cast(null as string)),
                named_struct('name', 'Age', 'value', case when pmod(hash(id, 21), 20) = 0 then '' else cast(pmod(hash(id, 21), 80) + 10 as string) end, 'category', case when pmod(hash(id, 21), 20) = 0 then 'No Response' else 'Valid' end, 'node', flow_nodes[1], 'time', created_on, 'input', cast(null as string)),
                named_struct('name', 'Color', 'value', lower(element_at(array('Red', 'Blue', 'Green', 'Other', 'No Response'), pmod(hash(id, 22), 5) + 1)), 'category', element_at(array('Red', 'Blue', 'Green', 'Other', 'No Response'), pmod(hash(id, 22), 5) + 1), 'node', flow_nodes[2], 'time', created_on, 'input', cast(null as string)),
                named_struct('name', 'Rating', 'value', cast(pmod(hash(id, 24), 5) + 1 as string), 'category', concat(cast(pmod(hash(id, 24), 5) + 1 as string), ' stars'), 'node', flow_nodes[3], 'time', created_on, 'input', cast(null as string))
            ), 1, least(steps, 4))) as `values`,
            created_on,
            created_on + make_interval(0, 0, 0, 0, 0, 0, case when exit_type is null then duration / 2 else duration end) as modified_on,
            case when exit_type is not null then created_on + make_interval(0, 0, 0, 0, 0, 0, duration) end as exited_on,
            exit_type,
            steps as path_length,
            element_at(path_nodes, -1) as last_node,
            'api' as source,
            date_format(created_on, 'yyyy-MM') as created_month
        from shaped
        """
        .formatted(
            FLOWS,
            NODES,
            runs,
            files,
            uuidOf("cast(id as string)"),
            uuidOf("concat('contact-', pmod(hash(id, 31), 2000000))"));
  }

  private static String runValuesSql() {
    return """
        select
            uuid as run_uuid,
            flow_uuid,
            flow_name,
            contact_uuid,
            result.key as result_key,
            result.value.name as result_name,
            result.value.value as value,
            result.value.category as category,
            result.value.node as node_uuid,
            result.value.time as time,
            result.value.input as input,
            created_on as run_created_on,
            modified_on as run_modified_on,
            exit_type as run_exit_type,
            created_month
        from bench_runs
        lateral view explode(map_entries(`values`)) results as result
        """;
  }

  /** A UUID-shaped string derived from an expression's md5. */
  private static String uuidOf(String expression) {
    String h = "md5(" + expression + ")";
    return "concat_ws('-', substr(%1$s, 1, 8), substr(%1$s, 9, 4), substr(%1$s, 13, 4), substr(%1$s, 17, 4), substr(%1$s, 21, 12))"
        .formatted(h);
  }
}
