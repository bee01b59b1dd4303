package io.flowlake.warehouse;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.SpecializedGetters;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.MapData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampType;

/**
 * How each of a row's fields is written into a COPY CSV line, chosen once from the rows' Spark
 * schema and applied to Spark's internal rows, so no Spark expression formats a value and no value
 * becomes a Java string on its way: text in quotes, each quote doubled; numbers and booleans bare;
 * an instant bare, in UTC to the microsecond ({@code 2024-03-01T10:00:00.123456Z}); an array, map
 * or struct as JSON text for {@code jsonb}, in quotes, as Spark's {@code to_json} writes it in a
 * UTC session (a struct's null fields left out, instants to the millisecond); a null as nothing
 * (COPY CSV's NULL), so an empty text ({@code ""}) stays apart from it.
 */
final class CsvFields implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Writes the value at {@code ordinal} of a row or an array, known not to be null. */
  @FunctionalInterface
  interface Writer extends Serializable {
    void write(SpecializedGetters from, int ordinal, CsvBuffer out);
  }

  private final Writer[] fields;

  /** The fields' ordinals, those written bare first and those written as JSON after. */
  private final int[] shortFirst;

  CsvFields(StructType schema) {
    this.fields = new Writer[schema.fields().length];
    for (int i = 0; i < fields.length; i++) {
      StructField field = schema.fields()[i];
      fields[i] = csv(field.name(), field.dataType());
    }
    this.shortFirst =
        IntStream.range(0, fields.length)
            .boxed()
            .sorted(Comparator.comparing(i -> isJson(schema.fields()[i].dataType())))
            .mapToInt(Integer::intValue)
            .toArray();
  }

  /**
   * Whether two rows make the same {@link #line}, field by field and the bare fields first: a
   * changed row usually differs in a short one (its {@code modified_on}), and is then told apart
   * without writing its long JSON fields at all.
   */
  boolean sameLine(InternalRow a, InternalRow b) {
    CsvBuffer left = new CsvBuffer(64);
    CsvBuffer right = new CsvBuffer(64);
    for (int i : shortFirst) {
      boolean nullA = a.isNullAt(i);
      if (nullA != b.isNullAt(i)) {
        return false;
      }
      if (!nullA) {
        fields[i].write(a, i, left);
        fields[i].write(b, i, right);
        if (!Arrays.equals(left.take(), right.take())) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isJson(DataType type) {
    return type instanceof ArrayType || type instanceof MapType || type instanceof StructType;
  }

  /** One line, with its line break. */
  void line(InternalRow row, CsvBuffer out) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      if (!row.isNullAt(i)) {
        fields[i].write(row, i, out);
      }
    }
    out.write('\n');
  }

  private static Writer csv(String name, DataType type) {
    if (type instanceof StringType) {
      return (from, i, out) -> out.quoted(from.getUTF8String(i));
    }
    if (isJson(type)) {
      Writer json = json(name, type);
      return (from, i, out) -> {
        out.write('"');
        json.write(from, i, out);
        out.write('"');
      };
    }
    return scalar(name, type, 6);
  }

  /** Numbers, booleans and instants: the same bare text in a CSV field as in JSON. */
  private static Writer scalar(String name, DataType type, int fractionDigits) {
    if (type instanceof LongType) {
      return (from, i, out) -> out.write(from.getLong(i));
    }
    if (type instanceof IntegerType) {
      return (from, i, out) -> out.write(from.getInt(i));
    }
    if (type instanceof BooleanType) {
      return (from, i, out) -> out.write(from.getBoolean(i) ? "true" : "false");
    }
    if (type instanceof TimestampType) {
      return (from, i, out) -> instant(from.getLong(i), fractionDigits, out);
    }
    throw new IllegalArgumentException(
        "column " + name + " has type " + type.simpleString() + ", which the feed cannot send");
  }

  private static Writer json(String name, DataType type) {
    if (type instanceof StringType) {
      return (from, i, out) -> out.jsonString(from.getUTF8String(i));
    }
    if (type instanceof TimestampType) {
      Writer millis = scalar(name, type, 3);
      return (from, i, out) -> {
        out.write("\"\"");
        millis.write(from, i, out);
        out.write("\"\"");
      };
    }
    if (type instanceof ArrayType array) {
      Writer element = json(name, array.elementType());
      return (from, i, out) -> {
        ArrayData elements = from.getArray(i);
        out.write('[');
        for (int e = 0; e < elements.numElements(); e++) {
          if (e > 0) {
            out.write(',');
          }
          if (elements.isNullAt(e)) {
            out.write("null");
          } else {
            element.write(elements, e, out);
          }
        }
        out.write(']');
      };
    }
    if (type instanceof MapType map) {
      if (!(map.keyType() instanceof StringType)) {
        throw new IllegalArgumentException(
            "column " + name + " is a map with " + map.keyType().simpleString() + " keys");
      }
      Writer value = json(name, map.valueType());
      return (from, i, out) -> {
        MapData entries = from.getMap(i);
        ArrayData keys = entries.keyArray();
        ArrayData values = entries.valueArray();
        out.write('{');
        for (int e = 0; e < entries.numElements(); e++) {
          if (e > 0) {
            out.write(',');
          }
          out.jsonString(keys.getUTF8String(e));
          out.write(':');
          if (values.isNullAt(e)) {
            out.write("null");
          } else {
            value.write(values, e, out);
          }
        }
        out.write('}');
      };
    }
    if (type instanceof StructType struct) {
      StructField[] fields = struct.fields();
      Writer[] writers = new Writer[fields.length];
      String[] keys = new String[fields.length];
      for (int f = 0; f < fields.length; f++) {
        writers[f] = json(name + "." + fields[f].name(), fields[f].dataType());
        keys[f] = "\"\"" + fields[f].name().replace("\"", "\\\"\"") + "\"\":";
      }
      return (from, i, out) -> {
        InternalRow row = from.getStruct(i, fields.length);
        out.write('{');
        boolean first = true;
        for (int f = 0; f < fields.length; f++) {
          if (row.isNullAt(f)) {
            continue; // as to_json: a null field is left out
          }
          if (!first) {
            out.write(',');
          }
          first = false;
          out.write(keys[f]);
          writers[f].write(row, f, out);
        }
        out.write('}');
      };
    }
    return scalar(name, type, 6);
  }

  /** {@code micros} since the epoch as an ISO instant in UTC, with its fraction cut to digits. */
  static void instant(long micros, int fractionDigits, CsvBuffer out) {
    long seconds = Math.floorDiv(micros, 1_000_000L);
    int fraction = (int) Math.floorMod(micros, 1_000_000L);
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
    int second = (int) Math.floorMod(seconds, 86_400L);
    if (date.getYear() < 0 || date.getYear() > 9999) {
      throw new IllegalArgumentException("instant out of PostgreSQL's range: " + date.getYear());
    }
    out.digits(date.getYear(), 4);
    out.write('-');
    out.digits(date.getMonthValue(), 2);
    out.write('-');
    out.digits(date.getDayOfMonth(), 2);
    out.write('T');
    out.digits(second / 3600, 2);
    out.write(':');
    out.digits(second / 60 % 60, 2);
    out.write(':');
    out.digits(second % 60, 2);
    out.write('.');
    out.digits(fractionDigits == 6 ? fraction : fraction / 1000, fractionDigits);
    out.write('Z');
  }
}
