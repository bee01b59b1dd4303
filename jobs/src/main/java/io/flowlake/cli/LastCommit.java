package io.flowlake.cli;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What an interrupted command can promise about its lake: the time of the lake's last committed
 * state ({@code _state/state.json}, written once a pull or a chunk of it is complete). Read from
 * the file system alone, since Spark may be stopping; any doubt gives the vaguer phrase.
 */
final class LastCommit {

  private LastCommit() {}

  /** "the lake is unchanged since ..., run again to resume", for the command {@code cmd} ran. */
  static String sentence(CommandLine cmd) {
    return "the lake is unchanged since " + since(cmd) + ", run again to resume";
  }

  private static String since(CommandLine cmd) {
    OptionSpec lake = cmd.getCommandSpec().findOption("--lake");
    if (lake == null || lake.getValue() == null) {
      return "its last commit";
    }
    Path state = new Path(lake.getValue().toString(), "_state/state.json");
    try {
      FileStatus status = state.getFileSystem(new Configuration()).getFileStatus(state);
      return Instant.ofEpochMilli(status.getModificationTime())
          .truncatedTo(ChronoUnit.SECONDS)
          .toString();
    } catch (java.io.FileNotFoundException e) {
      return "before its first completed pull";
    } catch (IOException | RuntimeException e) {
      return "its last commit";
    }
  }
}
