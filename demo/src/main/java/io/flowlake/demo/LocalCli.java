package io.flowlake.demo;

import io.flowlake.cli.FlowlakeCli;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Entry point of {@code bin/flowlake}: every command of the spark-submit jar, plus {@code demo} and
 * {@code simulate}, which need the simulator and so never ship to a cluster.
 */
public final class LocalCli {

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command line and returns its exit code, as {@link FlowlakeCli#execute} does. */
  public static int execute(String... args) {
    return FlowlakeCli.execute(
        commandLine(), new PrintWriter(System.err, true), System.getenv(), args);
  }

  static CommandLine commandLine() {
    CommandLine cli = FlowlakeCli.commandLine();
    cli.addSubcommand(new DemoCommand());
    cli.addSubcommand(new SimulateCommand());
    return cli;
  }

  private LocalCli() {}
}
