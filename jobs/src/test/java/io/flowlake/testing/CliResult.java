package io.flowlake.testing;

/** What a command run in-process left: its exit code, its error lines and its standard output. */
public record CliResult(int exitCode, String err, String out) {

  /** The number of error lines: one per failure, hints included, is the CLI's promise. */
  public long lineCount() {
    return err.lines().count();
  }
}
