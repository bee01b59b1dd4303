package io.flowlake.cli;

import io.flowlake.api.ApiConfig;
import io.flowlake.config.ConfigException;
import io.flowlake.lake.LakePaths;
import io.flowlake.ops.NothingNewRun;
import io.flowlake.ops.RunExitCodes;
import io.flowlake.ops.RunJob;
import io.flowlake.ops.RunOutcome;
import io.flowlake.ops.VacuumPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowlake run}: pull, then rebuild the marts; what a schedule runs. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    modelTransformer = OptionsFromRegistry.class,
    description = {
      "Pulls the workspace's runs into the lake, then rebuilds every mart (pull + transform).",
      "This is the command to schedule: one run at a time per lake (a lock), a JSON report per",
      "run in <lake>/_state/runs/, and exit codes 0 success, 5 nothing new, 3 too many rejects,",
      "4 lake locked by another run, 2 bad configuration, 1 failure."
    })
final class RunCommand implements Callable<Integer> {

  /**
   * The codes the process will exit with, which the run report records; failures as {@link
   * ErrorReporter} maps them.
   */
  private static final RunExitCodes EXIT_CODES =
      new RunExitCodes() {
        @Override
        public int of(RunOutcome outcome) {
          return ExitCodes.of(outcome);
        }

        @Override
        public int of(Throwable failure) {
          return ErrorReporter.exitCode(ErrorReporter.ownCause(failure));
        }

        @Override
        public String message(Throwable failure) {
          return String.valueOf(ErrorReporter.ownCause(failure).getMessage());
        }
      };

  @Mixin ApiOptions apiOptions;
  @Mixin LakeOption lakeOption;
  @Mixin PullOptions pullOptions;
  @Mixin PersonalDataOptions personalDataOptions;
  @Mixin SegmentOptions segmentOptions;
  @Mixin ConfigOption configOption;
  @Mixin VerboseOption verboseOption;

  @Option(names = "--max-rejects", paramLabel = "N")
  Long maxRejects;

  @Option(names = "--report-json")
  boolean reportJson;

  @Option(names = "--with-archives")
  boolean withArchives;

  @Option(names = "--vacuum")
  boolean vacuum;

  @Option(names = "--vacuum-every", paramLabel = "DURATION", converter = CadenceConverter.class)
  Duration vacuumEvery;

  @Mixin RetentionOption retentionOption;

  @Override
  public Integer call() {
    ApiConfig config = apiOptions.config();
    if (maxRejects != null && maxRejects < 0) {
      throw new ConfigException("--max-rejects " + maxRejects + " must be 0 or more");
    }
    RunJob.Settings settings =
        new RunJob.Settings(
            config,
            ApiOptions.sourceOptions(config),
            pullOptions.settings(config, personalDataOptions.personalData()),
            withArchives,
            maxRejects == null ? -1 : maxRejects,
            new VacuumPolicy(retentionOption.retention(), vacuumEvery, vacuum),
            segmentOptions.request(
                lakeOption.lake,
                pullOptions.keptFields(),
                () -> WorkspaceFieldTypes.of(config, pullOptions.contactsRequestsPerHour)));
    JobConsole console =
        reportJson ? JobConsole.withReportJson(System.err, System.out) : JobConsole.on(System.out);
    Instant started = Instant.now();
    Configuration conf = Sparks.hadoopConfiguration();
    Optional<RunOutcome> decided =
        new NothingNewRun(
                LakePaths.qualified(lakeOption.lake, conf),
                conf,
                Clock.systemUTC(),
                console,
                EXIT_CODES)
            .tryRun(settings, started);
    if (decided.isPresent()) {
      return ExitCodes.of(decided.get());
    }
    try (Sparks spark = Sparks.open("run")) {
      LakePaths lake = lakeOption.paths(spark.session());
      RunOutcome outcome =
          new RunJob(spark.session(), lake, Clock.systemUTC(), console, EXIT_CODES)
              .run(settings, started);
      return ExitCodes.of(outcome);
    }
  }
}
