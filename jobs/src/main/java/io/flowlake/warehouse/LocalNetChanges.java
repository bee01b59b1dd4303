package io.flowlake.warehouse;

import io.flowlake.lake.ChangeFiles;
import io.flowlake.lake.ChangeFiles.ChangeFile;
import io.flowlake.lake.ChangeFiles.Kind;
import io.flowlake.lake.DeltaLogFiles;
import io.flowlake.lake.DeltaLogFiles.TableSettings;
import io.flowlake.lake.ParquetRows;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * {@link io.flowlake.lake.ChangeFeed#netChanges} without Spark, for a change small enough to hold
 * in the driver: the change files the commits name ({@link ChangeFiles}) read row by row ({@link
 * ParquetRows}) and netted by key in a map, by the same rules. A scheduled export after a pull of a
 * few thousand runs then costs reading a megabyte, not planning and running Spark queries over it.
 *
 * <p>Empty when the range is not one to read here: more than {@link #MAX_BYTES} of files, a table
 * without a checksum at either end of the range to give its schema and say its feed is on, column
 * mapping, a partition column that is not text, a file gone (vacuumed), or a commit {@link
 * ChangeFiles} leaves to Delta. The caller then reads the feed through Delta.
 */
final class LocalNetChanges {

  /** The most Parquet bytes of changes read in the driver: about 10x that in rows held. */
  static final long MAX_BYTES = 32L << 20;

  private static final String CHANGE_TYPE = "_change_type";

  /** A key's last image, and whether the key exists at the range's end. */
  record Image(InternalRow row, boolean exists) {}

  /** The table's schema at the range's end, and each changed key's net change. */
  record Net(StructType schema, List<Image> images) {}

  /** An image's place in the range: commit, then before-images before after-images. */
  private record Order(long version, boolean after) implements Comparable<Order> {
    @Override
    public int compareTo(Order o) {
      int byVersion = Long.compare(version, o.version);
      return byVersion != 0 ? byVersion : Boolean.compare(after, o.after);
    }
  }

  private static final class KeyImages {
    InternalRow first;
    Order firstOrder;
    InternalRow last;
    Order lastOrder;

    void add(InternalRow row, Order order) {
      if (first == null || order.compareTo(firstOrder) < 0) {
        first = row;
        firstOrder = order;
      }
      if (last == null || order.compareTo(lastOrder) >= 0) {
        last = row;
        lastOrder = order;
      }
    }
  }

  /** What {@link #between} is asked. */
  private record Range(String table, long after, long upTo, List<String> key) {}

  /** A range's answer, read by its first asker, and how many more are expected to ask. */
  private static final class Answer {
    final CompletableFuture<Optional<Net>> net = new CompletableFuture<>();
    boolean reading;
    int askersLeft;
  }

  private final Configuration conf;
  private final Map<Range, Answer> answers = new HashMap<>(); // guarded by this

  LocalNetChanges(Configuration conf) {
    this.conf = conf;
  }

  /**
   * Says one more table will ask for this range ({@code run_values} asks what {@code runs} asks),
   * so its answer is read once and kept until the last of them has asked, and no longer, since it
   * may be large. A range nobody said would be asked for is read for its asker and not kept.
   */
  synchronized void expect(String table, long after, long upTo, List<String> key) {
    answers.computeIfAbsent(new Range(table, after, upTo, List.copyOf(key)), r -> new Answer())
        .askersLeft++;
  }

  /**
   * The net change of each key of the table at {@code table} from version {@code after} to {@code
   * upTo}; empty when the range is not one to read here. Safe to ask from several threads (tables
   * are sent side by side): a second asker of a range being read waits for that read.
   */
  Optional<Net> between(String table, long after, long upTo, List<String> key) {
    Range asked = new Range(table, after, upTo, List.copyOf(key));
    Answer answer;
    boolean reads;
    synchronized (this) {
      answer = answers.computeIfAbsent(asked, r -> new Answer());
      reads = !answer.reading;
      answer.reading = true;
      if (--answer.askersLeft <= 0) {
        answers.remove(asked);
      }
    }
    if (reads) {
      try {
        answer.net.complete(read(table, after, upTo, key));
      } catch (RuntimeException | Error e) {
        answer.net.completeExceptionally(e);
        throw e;
      }
    }
    try {
      return answer.net.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  private Optional<Net> read(String table, long after, long upTo, List<String> key) {
    DeltaLogFiles log = new DeltaLogFiles(conf);
    Optional<TableSettings> settings = log.settings(table, upTo);
    if (settings.isEmpty()
        || settings.get().schema().isEmpty()
        || !settings.get().recordsChanges()
        || !log.settings(table, after).map(TableSettings::recordsChanges).orElse(false)
        || !"none"
            .equals(settings.get().properties().getOrDefault("delta.columnMapping.mode", "none"))) {
      return Optional.empty();
    }
    StructType schema = (StructType) DataType.fromJson(settings.get().schema());
    CsvFields compare;
    try {
      compare = new CsvFields(schema);
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // a column of a type the feed never sends: Spark compares it
    }
    List<String> partitions = settings.get().partitionColumns();
    for (String partition : partitions) {
      if (!(schema.apply(partition).dataType() instanceof StringType)) {
        return Optional.empty();
      }
    }
    Optional<List<ChangeFile>> files =
        new ChangeFiles(conf).between(table, after, upTo, settings.get().schema());
    if (files.isEmpty() || files.get().stream().mapToLong(ChangeFile::bytes).sum() > MAX_BYTES) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Net(schema, net(table, schema, partitions, files.get(), key, compare)));
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof FileNotFoundException) {
        return Optional.empty(); // vacuumed: Delta says so in its own words
      }
      throw e;
    }
  }

  private List<Image> net(
      String table,
      StructType schema,
      List<String> partitions,
      List<ChangeFile> files,
      List<String> key,
      CsvFields compare) {
    StructField[] dataFields =
        Arrays.stream(schema.fields())
            .filter(f -> !partitions.contains(f.name()))
            .toArray(StructField[]::new);
    StructType data = DataTypes.createStructType(dataFields);
    ParquetRows whole = new ParquetRows(conf, data);
    ParquetRows changes = new ParquetRows(conf, data.add(CHANGE_TYPE, DataTypes.StringType));
    // the files read side by side (the driver's cores are otherwise idle), netted in their order
    List<List<Change>> read =
        files.parallelStream()
            .map(
                file ->
                    changes(
                        file,
                        location(table, file.path()),
                        file.kind() == Kind.CHANGES ? changes : whole,
                        schema,
                        dataFields,
                        partitions))
            .toList();
    int[] keyOrdinals = key.stream().mapToInt(schema::fieldIndex).toArray();
    Map<List<Object>, KeyImages> keys = new LinkedHashMap<>();
    for (int f = 0; f < files.size(); f++) {
      long version = files.get(f).version();
      for (Change change : read.get(f)) {
        List<Object> k = new ArrayList<>(keyOrdinals.length);
        for (int ordinal : keyOrdinals) {
          k.add(change.row().get(ordinal, schema.fields()[ordinal].dataType()));
        }
        keys.computeIfAbsent(k, x -> new KeyImages())
            .add(change.row(), new Order(version, change.after()));
      }
    }
    List<Image> net = new ArrayList<>();
    for (KeyImages images : keys.values()) {
      boolean existedBefore = !images.firstOrder.after();
      boolean existsAfter = images.lastOrder.after();
      if (!existedBefore && !existsAfter) {
        continue; // inserted and deleted within the range
      }
      if (existedBefore && existsAfter && compare.sameLine(images.first, images.last)) {
        continue; // rewritten unchanged
      }
      net.add(new Image(images.last, existsAfter));
    }
    return net;
  }

  /** A row of the table, and whether it is an after-image. */
  private record Change(InternalRow row, boolean after) {}

  /** A change file's row changes, each a row of the table's columns in the table's order. */
  private static List<Change> changes(
      ChangeFile file,
      Path location,
      ParquetRows reader,
      StructType schema,
      StructField[] dataFields,
      List<String> partitions) {
    Object[] partitionValues = new Object[schema.size()];
    for (String partition : partitions) {
      String value = file.partition().get(partition);
      partitionValues[schema.fieldIndex(partition)] =
          value == null ? null : UTF8String.fromString(value);
    }
    boolean cdc = file.kind() == Kind.CHANGES;
    List<Change> changes = new ArrayList<>();
    reader.read(
        location,
        row -> {
          Boolean after = after(file.kind(), cdc ? row.getString(dataFields.length) : null);
          if (after != null) { // else not a row change (Delta's feed has no other type today)
            changes.add(new Change(tableRow(row, schema, dataFields, partitionValues), after));
          }
        });
    return changes;
  }

  /** Whether a row is an after-image (true), a before-image (false), or no change (null). */
  private static Boolean after(Kind kind, String changeType) {
    return switch (kind) {
      case INSERTED -> true;
      case DELETED -> false;
      case CHANGES ->
          switch (changeType == null ? "" : changeType) {
            case "insert", "update_postimage" -> true;
            case "delete", "update_preimage" -> false;
            default -> null;
          };
    };
  }

  /** The file's row with the table's columns in the table's order, partition values filled in. */
  private static InternalRow tableRow(
      InternalRow row, StructType schema, StructField[] dataFields, Object[] partitionValues) {
    Object[] values = partitionValues.clone();
    for (int i = 0; i < dataFields.length; i++) {
      if (!row.isNullAt(i)) {
        values[schema.fieldIndex(dataFields[i].name())] = row.get(i, dataFields[i].dataType());
      }
    }
    return new GenericInternalRow(values);
  }

  /** As Delta resolves a file's path: a URI, relative to the table's folder unless absolute. */
  private static Path location(String table, String path) {
    try {
      Path file = new Path(new URI(path));
      return file.isAbsolute() ? file : new Path(new Path(table), file);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("the Delta log names a file that is no URI: " + path, e);
    }
  }
}
