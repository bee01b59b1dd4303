package io.flowlake.cli;

import io.flowlake.config.ConfigException;
import io.flowlake.ops.StopRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code bin/flowlake} and of {@code spark-submit}. */
@Command(
    name = "flowlake",
    mixinStandardHelpOptions = true,
    version = "flowlake 0.1.0",
    description = "RapidPro / TextIt flow runs into a Parquet (Delta) lake, with SQL marts.",
    subcommands = {
      PullCommand.class,
      BackfillCommand.class,
      TransformCommand.class,
      RunCommand.class,
      ExportCommand.class,
      ForgetCommand.class,
      VacuumCommand.class
    })
public final class FlowlakeCli implements Runnable {

  public static void main(String[] args) {
    StopRequest.install(Thread.currentThread());
    System.exit(execute(args));
  }

  /** Runs a command line and returns its exit code (0 ok, 1 failure, 2 bad usage or config). */
  public static int execute(String... args) {
    return execute(new java.io.PrintWriter(System.err, true), args);
  }

  /** As {@link #execute(String...)}, with error lines going to {@code err}. */
  public static int execute(java.io.PrintWriter err, String... args) {
    return execute(err, System.getenv(), args);
  }

  /** As above, with {@code env} standing for the environment ({@code FLOWLAKE_<OPTION>}). */
  static int execute(java.io.PrintWriter err, java.util.Map<String, String> env, String... args) {
    return execute(commandLine(), err, env, args);
  }

  /** The spark-submit jar's commands; the local launcher adds its own to these. */
  public static CommandLine commandLine() {
    return new CommandLine(new FlowlakeCli());
  }

  /**
   * Runs {@code args} on {@code cli} (one made by {@link #commandLine()}, perhaps with more
   * commands) with flowlake's config file, environment defaults and one-line errors.
   */
  public static int execute(
      CommandLine cli, java.io.PrintWriter err, java.util.Map<String, String> env, String... args) {
    cli.setErr(err);
    try {
      cli.setDefaultValueProvider(ConfigDefaults.load(cli, env, args));
    } catch (ConfigException e) {
      err.println(prefix(cli, args) + e.getMessage());
      return ExitCodes.USAGE;
    }
    cli.setExecutionExceptionHandler(new ErrorReporter());
    cli.setParameterExceptionHandler(
        (e, parsed) -> {
          String command = e.getCommandLine().getCommandSpec().qualifiedName();
          e.getCommandLine()
              .getErr()
              .println(
                  command
                      + ": "
                      + ErrorReporter.firstLine(String.valueOf(e.getMessage()))
                      + " (see "
                      + command
                      + " --help)");
          return ExitCodes.USAGE;
        });
    return cli.execute(args);
  }

  /**
   * {@code flowlake pull: } when {@code args} name a command of {@code cli}, else {@code flowlake:
   * }.
   */
  private static String prefix(CommandLine cli, String... args) {
    for (String arg : args) {
      if (cli.getSubcommands().containsKey(arg)) {
        return cli.getCommandName() + " " + arg + ": ";
      }
    }
    return cli.getCommandName() + ": ";
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
