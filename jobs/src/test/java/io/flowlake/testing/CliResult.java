package io.flowlake.testing;

/** What a command run in-process left: its exit code, its error lines and its standard output. */
public record CliResult(int exitCode, String err, String out) {

  /** The number of error lines: one per failure, hints included, is the CLI's promise. */
  public long lineCount() {
    return err.lines().count();
  }

  /** The line of standard output about one table ("runs ..."): the export's, the transform's. */
  public String outLineOf(String table) {
    return out.lines()
        .filter(l -> l.startsWith(table + " "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line for " + table + " in " + out));
  }
}
