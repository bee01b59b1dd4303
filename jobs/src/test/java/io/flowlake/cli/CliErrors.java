package io.flowlake.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs a command line in-process and keeps its exit code and error lines. */
record CliErrors(int exitCode, String err) {

  static CliErrors run(String... args) {
    StringWriter err = new StringWriter();
    int code = FlowlakeCli.execute(new PrintWriter(err, true), args);
    return new CliErrors(code, err.toString());
  }

  /** The error text as lines, without the hint that follows a failure. */
  long lineCount() {
    return err.lines().filter(l -> !l.startsWith("(")).count();
  }
}
