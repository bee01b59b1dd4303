package io.flowlake.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.testing.SharedSpark;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class CsvFieldsTest {

  private static final StructType VALUE =
      new StructType()
          .add("name", DataTypes.StringType)
          .add("time", DataTypes.TimestampType)
          .add("category", DataTypes.StringType);

  private static final StructType RUN =
      new StructType()
          .add("uuid", DataTypes.StringType)
          .add("id", DataTypes.LongType)
          .add("values", DataTypes.createMapType(DataTypes.StringType, VALUE))
          .add("responded", DataTypes.BooleanType)
          .add("created_on", DataTypes.TimestampType)
          .add("name", DataTypes.StringType)
          .add("_op", DataTypes.StringType);

  @Test
  void quotesTextAndJsonWithTheirQuotesDoubledAndLeavesNumbersBooleansAndInstantsBare() {
    GenericInternalRow value =
        new GenericInternalRow(
            new Object[] {
              utf8("say \"hi\", then\nbye"), micros("2026-12-01T10:00:00.123456Z"), null
            });
    GenericInternalRow run =
        new GenericInternalRow(
            new Object[] {
              utf8("r-1"),
              42L,
              ArrayBasedMapData.apply(new Object[] {utf8("age")}, new Object[] {value}),
              true,
              micros("1969-12-31T23:59:59.999999Z"),
              utf8("\""),
              utf8("u")
            });
    assertThat(line(run))
        .isEqualTo(
            "\"r-1\",42,\"{\"\"age\"\":{\"\"name\"\":\"\"say \\\"\"hi\\\"\", then\\nbye\"\","
                + "\"\"time\"\":\"\"2026-12-01T10:00:00.123Z\"\"}}\",true,"
                + "1969-12-31T23:59:59.999999Z,\"\"\"\",\"u\"\n");
  }

  @Test
  void writesNullAsNothingAndAnEmptyTextAsQuotedSoCopyTellsThemApart() {
    GenericInternalRow run =
        new GenericInternalRow(new Object[] {utf8(""), null, null, null, null, null, utf8("d")});
    assertThat(line(run)).isEqualTo("\"\",,,,,,\"d\"\n");
  }

  @Test
  void writesNestedValuesAsSparksToJsonDoes(SparkSession spark) {
    Dataset<Row> nested =
        spark.sql(
            """
            select
                array(
                    named_struct('node', 'n"1\\\\', 'time', timestamp'2024-03-01 10:00:00.123456'),
                    named_struct('node', cast(null as string), 'time', timestamp'1969-12-31 23:59:59.5')
                ) as path,
                map(
                    'age', named_struct('value', '3\\n4\\t\\u0001é', 'n', 7L, 'ok', true),
                    'gone', cast(null as struct<value: string, n: bigint, ok: boolean>)
                ) as values,
                array('tel:+1', cast(null as string)) as urns,
                map('k', cast(null as string), 'l', '') as fields,
                cast(array() as array<string>) as empty
            """);
    List<String> expected = new ArrayList<>();
    for (Row row :
        nested
            .selectExpr(
                "to_json(path)",
                "to_json(values)",
                "to_json(urns)",
                "to_json(fields)",
                "to_json(empty)")
            .collectAsList()) {
      for (int i = 0; i < row.size(); i++) {
        expected.add(row.getString(i));
      }
    }
    List<String> lines = new ArrayList<>();
    for (byte[] chunk : CsvChunks.of(nested).collect()) {
      lines.add(new String(chunk, StandardCharsets.UTF_8));
    }
    assertThat(lines).hasSize(1);
    assertThat(csvFields(lines.get(0))).isEqualTo(expected);
  }

  @Test
  void tellsRowsApartExactlyWhenTheirLinesDiffer() {
    GenericInternalRow base = run("v", micros("2026-12-01T10:00:00Z"), utf8("x"));
    List<GenericInternalRow> others =
        List.of(
            run("v", micros("2026-12-01T10:00:00Z"), utf8("x")), // the same
            run("w", micros("2026-12-01T10:00:00Z"), utf8("x")), // in a JSON field only
            run("v", micros("2026-12-01T10:00:00.000001Z"), utf8("x")), // a bare instant
            run("v", micros("2026-12-01T10:00:00Z"), utf8("")), // empty text against text
            run("v", micros("2026-12-01T10:00:00Z"), null)); // null against text
    CsvFields fields = new CsvFields(RUN);
    for (GenericInternalRow other : others) {
      assertThat(fields.sameLine(base, other)).isEqualTo(line(base).equals(line(other)));
      assertThat(fields.sameLine(other, base)).isEqualTo(line(other).equals(line(base)));
    }
    assertThat(others.stream().filter(other -> fields.sameLine(base, other))).hasSize(1);
    GenericInternalRow empty = run("v", micros("2026-12-01T10:00:00Z"), utf8(""));
    GenericInternalRow none = run("v", micros("2026-12-01T10:00:00Z"), null);
    assertThat(fields.sameLine(empty, none)).isFalse();
  }

  /** A row of {@code RUN} with one value named {@code valueName}, {@code created} and a name. */
  private static GenericInternalRow run(String valueName, long created, UTF8String name) {
    GenericInternalRow value =
        new GenericInternalRow(new Object[] {utf8(valueName), created, utf8("c")});
    return new GenericInternalRow(
        new Object[] {
          utf8("r-1"),
          42L,
          ArrayBasedMapData.apply(new Object[] {utf8("age")}, new Object[] {value}),
          true,
          created,
          name,
          utf8("u")
        });
  }

  private static String line(GenericInternalRow row) {
    CsvBuffer out = new CsvBuffer(16);
    new CsvFields(RUN).line(row, out);
    return new String(out.take(), StandardCharsets.UTF_8);
  }

  /** The fields of one COPY CSV line, every one of them quoted here. */
  private static List<String> csvFields(String line) {
    assertThat(line).endsWith("\n");
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean inQuotes = false;
    for (int i = 0; i < line.length() - 1; i++) {
      char c = line.charAt(i);
      if (c == '"' && inQuotes && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        field.append('"');
        i++;
      } else if (c == '"') {
        inQuotes = !inQuotes;
      } else if (c == ',' && !inQuotes) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }

  private static UTF8String utf8(String text) {
    return UTF8String.fromString(text);
  }

  private static long micros(String instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(instant));
  }
}
