package io.flowlake.demo;

import io.flowlake.api.ApiConfig;
import io.flowlake.api.RunRecord;
import io.flowlake.cli.ApiOptions;
import io.flowlake.cli.ConfigOption;
import io.flowlake.cli.ExitCodes;
import io.flowlake.cli.JobConsole;
import io.flowlake.cli.OptionsFromRegistry;
import io.flowlake.cli.Sparks;
import io.flowlake.cli.VerboseOption;
import io.flowlake.config.CommandSettings;
import io.flowlake.config.ConfigException;
import io.flowlake.config.FieldSelection;
import io.flowlake.lake.LakePaths;
import io.flowlake.models.SegmentRequest;
import io.flowlake.models.Transform;
import io.flowlake.pull.ContactsSettings;
import io.flowlake.pull.PullJob;
import io.flowlake.pull.PullSettings;
import io.flowlake.simulator.Simulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flowlake demo}: the first command of the README. Starts the simulator in-process, pulls
 * its workspace and its contacts (gender, year of birth, district) into a fresh demo lake, builds
 * the marts segmented by {@link #SEGMENT_BY} and prints flow_summary, checked against the
 * simulator's ground truth (the demo fails if they differ), then the largest flow by gender.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    modelTransformer = OptionsFromRegistry.class,
    description = {
      "Pulls a simulated workspace into a fresh demo lake; no account needed.",
      "Prints what it did (pages, runs, rejects, seconds, runs/s), builds the marts, and prints",
      "flow_summary, checked flow by flow against the simulator's ground truth."
    })
final class DemoCommand implements Callable<Integer> {

  /** Marks a lake as the demo's own, so a rerun may replace it and nothing else is ever deleted. */
  static final String DEMO_MARKER = "_state/demo-lake";

  /** The contact fields the demo lake keeps, and the dimensions of its segment marts. */
  static final String CONTACT_FIELDS = "gender,born,district";

  static final String SEGMENT_BY = "gender,district,born:age,group";

  @Option(
      names = "--lake",
      paramLabel = "PATH",
      defaultValue = "demo-lake",
      description = "Where to write the demo lake (default: ${DEFAULT-VALUE}); replaced on rerun.")
  String lake;

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "50000",
      description = "Runs in the simulated workspace (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--flows",
      paramLabel = "F",
      defaultValue = "8",
      description = "Flows in the simulated workspace (default: ${DEFAULT-VALUE}).")
  int flows;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      defaultValue = "42",
      description = "Seed of the simulated workspace (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--requests-per-hour",
      paramLabel = "N",
      defaultValue = "360000",
      description =
          "The simulated workspace's budget, which the pull paces to (default: ${DEFAULT-VALUE}; a real workspace allows 3600).")
  int requestsPerHour;

  @Mixin ConfigOption configOption;
  @Mixin VerboseOption verboseOption;

  @Override
  public Integer call() throws IOException {
    try (Simulator sim =
            Simulator.builder()
                .runs(runs)
                .flows(flows)
                .seed(seed)
                .requestsPerHour(requestsPerHour)
                .start();
        Sparks spark = Sparks.open("demo")) {
      Configuration conf = spark.session().sparkContext().hadoopConfiguration();
      LakePaths paths = LakePaths.qualified(lake, conf);
      replacePreviousDemo(paths, conf);
      System.out.printf(
          "simulated RapidPro workspace at %s: %,d runs in %d flows (seed %d)%n",
          sim.url(), runs, flows, seed);
      ApiConfig config =
          ApiConfig.builder(sim.url().toString())
              .token(sim.token())
              .requestsPerHour(requestsPerHour)
              .build();
      PullSettings settings =
          new PullSettings(ApiOptions.sourceOptions(config), Duration.ZERO, true)
              // the simulator's one budget paces contacts.json too (a real one has 3600/h)
              .withContacts(
                  new ContactsSettings(
                      true, requestsPerHour, FieldSelection.parse(CONTACT_FIELDS)));
      List<RunRecord> truth = sim.workspace().snapshot();
      JobConsole console = JobConsole.on(System.out);
      PullJob pull =
          new PullJob(
              spark.session(),
              paths,
              Clock.systemUTC(),
              console.pullProgress(config.requestsPerHour(), truth.size()));
      console.pulled(pull.run(settings, PullJob.newPullId()));
      console.transformed(
          Transform.run(
              spark.session(),
              paths.root(),
              SegmentRequest.parse(
                  SEGMENT_BY, null, CommandSettings.MIN_SEGMENT_RUNS.defaultValue())));
      boolean equal = DemoReport.print(spark.session(), paths, truth, System.out);
      DemoSegments.printByGender(spark.session(), paths, System.out);
      return equal ? ExitCodes.OK : ExitCodes.FAILURE;
    }
  }

  private static void replacePreviousDemo(LakePaths paths, Configuration conf) {
    Path root = paths.rootPath();
    try {
      FileSystem fs = root.getFileSystem(conf);
      if (!fs.exists(root)) {
        fs.mkdirs(new Path(root, "_state"));
      } else if (fs.exists(new Path(root, DEMO_MARKER))) {
        fs.delete(root, true);
        fs.mkdirs(new Path(root, "_state"));
      } else if (fs.listStatus(root).length > 0) {
        throw new ConfigException(
            "--lake "
                + root
                + " exists and is not a demo lake: give an empty or new folder (the demo replaces its lake)");
      }
      fs.create(new Path(root, DEMO_MARKER), true).close();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot prepare the demo lake " + root + ": " + e.getMessage(), e);
    }
  }
}
