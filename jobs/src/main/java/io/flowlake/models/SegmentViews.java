package io.flowlake.models;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import io.flowlake.lake.ContactTables;
import io.flowlake.lake.LakeTables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructType;

/**
 * The segment marts' inputs that are not runs: the lake's {@code contacts} (empty when the lake has
 * none, e.g. pulled with --no-contacts) and the settings as two small views, {@code
 * segment_dimensions} and {@code segment_settings}, so the SQL reads them like any table.
 */
public final class SegmentViews {

  public static final String CONTACTS = LakeTables.CONTACTS;
  public static final String DIMENSIONS = "segment_dimensions";
  public static final String SETTINGS = "segment_settings";

  static final StructType BAND =
      new StructType()
          .add("label", StringType, false)
          .add("lo", LongType, false)
          .add("hi", LongType, true);

  /** One row per dimension; {@code position} is its place in --segment-by, from 1. */
  public static final StructType DIMENSIONS_SCHEMA =
      new StructType()
          .add("position", IntegerType, false)
          .add("dimension", StringType, false)
          .add("field", StringType, true)
          .add("kind", StringType, false)
          .add("bands", new ArrayType(BAND, false), false);

  public static final StructType SETTINGS_SCHEMA =
      new StructType().add("min_segment_runs", IntegerType, false);

  /** The schemas of the views this class registers, by view name. */
  public static final Map<String, StructType> SCHEMAS =
      Map.of(
          CONTACTS,
          ContactTables.CONTACTS_SCHEMA,
          DIMENSIONS,
          DIMENSIONS_SCHEMA,
          SETTINGS,
          SETTINGS_SCHEMA);

  private SegmentViews() {}

  /** Registers {@code contacts}, {@code segment_dimensions} and {@code segment_settings}. */
  public static void register(SparkSession spark, String lake, SegmentSettings settings) {
    String contacts = MartPaths.table(lake, CONTACTS);
    if (TableSnapshot.latestVersionIfAny(spark, contacts).isPresent()) {
      spark.read().format("delta").load(contacts).createOrReplaceTempView(CONTACTS);
    } else {
      spark
          .createDataFrame(List.<Row>of(), ContactTables.CONTACTS_SCHEMA)
          .createOrReplaceTempView(CONTACTS);
    }
    spark.createDataFrame(rows(settings), DIMENSIONS_SCHEMA).createOrReplaceTempView(DIMENSIONS);
    spark
        .createDataFrame(List.of(RowFactory.create(settings.minSegmentRuns())), SETTINGS_SCHEMA)
        .createOrReplaceTempView(SETTINGS);
  }

  /**
   * The type of each field the lake's {@code contact_fields} says {@code contacts} keeps, by key;
   * empty when the lake has no such table.
   */
  public static Map<String, String> keptFieldTypes(SparkSession spark, String lake) {
    Map<String, String> types = new LinkedHashMap<>();
    String path = MartPaths.table(lake, LakeTables.CONTACT_FIELDS);
    if (TableSnapshot.latestVersionIfAny(spark, path).isPresent()) {
      spark
          .read()
          .format("delta")
          .load(path)
          .where("kept")
          .select("key", "type")
          .collectAsList()
          .forEach(r -> types.put(r.getString(0), r.getString(1)));
    }
    return types;
  }

  private static List<Row> rows(SegmentSettings settings) {
    List<Row> rows = new ArrayList<>();
    int position = 1;
    for (SegmentDimension d : settings.dimensions()) {
      List<Row> bands = new ArrayList<>();
      d.bands().forEach(b -> bands.add(RowFactory.create(b.label(), b.lo(), b.hi())));
      rows.add(RowFactory.create(position++, d.name(), d.field(), d.kind().id(), bands));
    }
    return rows;
  }
}
