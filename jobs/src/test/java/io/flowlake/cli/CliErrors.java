package io.flowlake.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs a command line in-process and keeps its exit code and error lines. */
public record CliErrors(int exitCode, String err) {

  public static CliErrors run(String... args) {
    return run(FlowlakeCli.commandLine(), args);
  }

  /** As above, on a command line with more commands (the local launcher's). */
  public static CliErrors run(picocli.CommandLine cli, String... args) {
    StringWriter err = new StringWriter();
    int code = FlowlakeCli.execute(cli, new PrintWriter(err, true), System.getenv(), args);
    return new CliErrors(code, err.toString());
  }

  /** The error text as lines, without the hint that follows a failure. */
  public long lineCount() {
    return err.lines().filter(l -> !l.startsWith("(")).count();
  }
}
