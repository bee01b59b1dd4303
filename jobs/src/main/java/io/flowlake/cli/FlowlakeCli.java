package io.flowlake.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code bin/flowlake} and of {@code spark-submit}. */
@Command(
    name = "flowlake",
    mixinStandardHelpOptions = true,
    version = "flowlake 0.1.0",
    description = "RapidPro / TextIt flow runs into a Parquet (Delta) lake, with SQL marts.")
public final class FlowlakeCli implements Runnable {

  public static void main(String[] args) {
    System.exit(new CommandLine(new FlowlakeCli()).execute(args));
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
