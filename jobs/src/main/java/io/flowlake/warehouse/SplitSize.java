package io.flowlake.warehouse;

import io.flowlake.lake.TableFiles;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * The file split size that makes a scan's partitions hold about a given number of rows, from the
 * densest data file's own Parquet footer: a listing and one footer read on the driver, where a row
 * count and a {@code DESCRIBE DETAIL} cost a Delta snapshot and Spark jobs each.
 *
 * <p>The densest file (the largest: its footer and dictionaries weigh least per row) gives the
 * fewest bytes per row, so the split it sizes holds the given rows in files like it and fewer in
 * smaller ones: a partition is never much larger than asked, which is what bounds the driver's
 * memory. Files of replaced versions still on disk are as dense as the current ones, so they may be
 * the one chosen.
 */
final class SplitSize {

  /** No split below this: tiny files make tiny splits, and each partition is a Spark job. */
  static final long FLOOR = 1L << 20;

  private SplitSize() {}

  /**
   * @param table a Delta table's root
   * @param rows the rows a partition should hold
   */
  static long of(String table, Configuration conf, long rows) {
    // a file listed can be gone when its footer is read (a vacuum removed a replaced version):
    // list again
    for (int attempt = 0; attempt < 3; attempt++) {
      Optional<FileStatus> densest = largestDataFile(new Path(table), conf);
      if (densest.isEmpty()) {
        return FLOOR;
      }
      OptionalLong fileRows = rowCount(densest.get().getPath(), conf);
      if (fileRows.isPresent()) {
        return fileRows.getAsLong() == 0
            ? FLOOR
            : Math.max(FLOOR, densest.get().getLen() * rows / fileRows.getAsLong());
      }
    }
    return FLOOR;
  }

  /**
   * The largest Parquet file under the table, outside its log and change data: folders named {@code
   * _...} are Delta's own ({@code _delta_log}, {@code _change_data}), files named {@code .*}
   * Hadoop's checksums.
   */
  private static Optional<FileStatus> largestDataFile(Path root, Configuration conf) {
    try {
      if (!root.getFileSystem(conf).exists(root)) {
        return Optional.empty();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
    }
    try (Stream<FileStatus> files = TableFiles.under(root, conf, SplitSize::isData)) {
      return files
          .filter(file -> isData(file.getPath().getName()))
          .filter(file -> file.getPath().getName().endsWith(".parquet"))
          .max(Comparator.comparingLong(FileStatus::getLen));
    }
  }

  private static boolean isData(String name) {
    return !name.startsWith("_") && !name.startsWith(".");
  }

  /** The file's rows, from its footer; empty when the file is gone. */
  private static OptionalLong rowCount(Path file, Configuration conf) {
    try (ParquetFileReader footer = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
      return OptionalLong.of(footer.getRecordCount());
    } catch (FileNotFoundException gone) {
      return OptionalLong.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the footer of " + file + ": " + e.getMessage(), e);
    }
  }
}
