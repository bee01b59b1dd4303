package io.flowlake.testing;

/** What a command run in-process left: its exit code, its error lines and its standard output. */
public record CliResult(int exitCode, String err, String out) {

  /** The error text as lines, without the hint that follows a failure. */
  public long lineCount() {
    return err.lines().filter(l -> !l.startsWith("(")).count();
  }
}
