package io.flowlake.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}: stack traces on failure and Spark's own log lines. */
public final class VerboseOption {

  @Option(names = "--verbose")
  boolean verbose;
}
