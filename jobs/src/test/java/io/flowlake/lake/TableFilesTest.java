package io.flowlake.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableFilesTest {

  @Test
  void walksEveryFolderItMayEnterAtAnyDepthAndNoOther(@TempDir Path table) throws IOException {
    List<String> expected =
        List.of(
            "part-0.parquet",
            ".tmp-part-9.parquet", // hidden, as a write under way names its file
            "flow=a/part-1.parquet",
            "flow=a/day=1/part-2.parquet",
            "_change_data/cdc-0.parquet");
    for (String file : expected) {
      write(table.resolve(file));
    }
    write(table.resolve("_delta_log/00000000000000000000.json"));
    write(table.resolve("flow=a/_delta_log/not-a-log-but-skipped.json"));
    Files.createDirectories(table.resolve("flow=b/empty"));

    try (Stream<FileStatus> files =
        TableFiles.under(
            hadoopPath(table), new Configuration(), name -> !name.equals("_delta_log"))) {
      assertThat(files.map(file -> relative(table, file)))
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void aFolderThatCannotBeListedIsNamedInTheError(@TempDir Path dir) {
    Path absent = dir.resolve("absent");
    assertThatThrownBy(
            () -> {
              try (Stream<FileStatus> files =
                  TableFiles.under(hadoopPath(absent), new Configuration(), name -> true)) {
                files.count();
              }
            })
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("cannot list ")
        .hasMessageContaining(absent.toString());
  }

  private static void write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "x");
  }

  private static org.apache.hadoop.fs.Path hadoopPath(Path path) {
    return new org.apache.hadoop.fs.Path(path.toUri());
  }

  private static String relative(Path table, FileStatus file) {
    return table.relativize(Path.of(file.getPath().toUri())).toString();
  }
}
