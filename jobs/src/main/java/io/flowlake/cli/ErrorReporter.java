package io.flowlake.cli;

import io.flowlake.api.ApiException;
import io.flowlake.api.TokenRejectedException;
import io.flowlake.config.ConfigException;
import io.flowlake.ops.LakeLockedException;
import io.flowlake.ops.StopRequest;
import io.flowlake.warehouse.WarehouseLockedException;
import io.flowlake.warehouse.WarehouseUnreachableException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns any failure into one line a person can act on, and an exit code: 2 for bad usage or
 * configuration, 1 for a failure while working. Spark wraps executor failures several layers deep;
 * the line names the innermost cause that is ours. Stack traces only with --verbose.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    Throwable cause = ownCause(e);
    PrintWriter err = cmd.getErr();
    if (StopRequest.signal().isPresent()) {
      StopRequest.acknowledge();
      err.println(
          "flowlake "
              + cmd.getCommandName()
              + ": interrupted by SIG"
              + StopRequest.signal().get()
              + "; "
              + LastCommit.sentence(cmd));
      if (verbose(parsed)) {
        e.printStackTrace(err);
      }
      err.flush();
      return StopRequest.exitCode();
    }
    boolean verbose = verbose(parsed);
    boolean ours =
        cause instanceof ConfigException
            || cause instanceof ApiException
            || cause instanceof LakeLockedException
            || cause instanceof WarehouseLockedException;
    // One line per failure, always: a scheduler's alert shows the first line, and a second one
    // would be read as a second failure.
    err.println(
        "flowlake "
            + cmd.getCommandName()
            + ": "
            + message(cause)
            + (verbose || ours ? "" : " (--verbose shows the stack trace)"));
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    return exitCode(cause);
  }

  /** The exit code of a failure whose own cause is {@code cause} (see {@link #ownCause}). */
  static int exitCode(Throwable cause) {
    if (cause instanceof LakeLockedException || cause instanceof WarehouseLockedException) {
      return ExitCodes.LOCKED;
    }
    // A refused token is configuration: no retry will fix it, so a scheduler must not retry.
    return cause instanceof ConfigException || cause instanceof TokenRejectedException
        ? ExitCodes.USAGE
        : ExitCodes.FAILURE;
  }

  static Throwable ownCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConfigException
          || t instanceof ApiException
          || t instanceof LakeLockedException
          || t instanceof WarehouseLockedException
          || t instanceof WarehouseUnreachableException) {
        return t;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    Throwable innermost = e;
    while (innermost.getCause() != null && innermost.getCause() != innermost) {
      innermost = innermost.getCause();
    }
    return innermost;
  }

  private static String message(Throwable t) {
    String message = t.getMessage();
    if (message == null || message.isBlank()) {
      return t.getClass().getSimpleName();
    }
    return firstLine(message);
  }

  /** A message's first line: the one line a failure is allowed. */
  static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static boolean verbose(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
