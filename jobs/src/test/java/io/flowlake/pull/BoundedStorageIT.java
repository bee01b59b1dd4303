package io.flowlake.pull;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowlake.cli.ExitCodes;
import io.flowlake.models.MartOracle;
import io.flowlake.simulator.Simulator;
import io.flowlake.testing.CliResult;
import io.flowlake.testing.InProcessCli;
import io.flowlake.testing.SharedSpark;
import io.flowlake.testing.SimulatorExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #16: a year of scheduled runs must not fill the disk. Fifty runs in a row, some after a few
 * new and changed runs in the workspace, played as if a day apart: between runs the test moves the
 * lake's clock back a day (every {@code _delta_log} file's modification time, which Delta's log
 * cleanup reads, and the cadence's start in {@code _state/vacuum.json}, which the run reads). Delta
 * cuts its log at a midnight, so minutes of real time would never show a log cleaned.
 *
 * <p>Scaled down: log retention 2 days instead of Delta's 30 (a run a day instead of 48), a
 * checkpoint every 2 commits instead of 10, a vacuum every 10 runs ({@code --vacuum-every 10d}, the
 * first forced at run 10) with {@code --retention 0s}, and new and changed runs in one slot of 10:
 * a quiet workspace, as most of a schedule's slots find it, so the suite can afford the 50 runs.
 * Without the log cleanup and the vacuum, each slot with changes would leave at least 4 files per
 * table (a commit, its checksum, a data file and its checksum), 4 such slots after run 10: well
 * over the allowance below. After run 50 the lake holds no more files than after run 10, the same
 * point of the cadence, give or take one checkpoint interval of commits per table; and it still
 * equals the workspace.
 */
@ExtendWith(SharedSpark.class)
class BoundedStorageIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SparkSession spark = SharedSpark.session();

  /** Delta's default for tables created while it is set. */
  private static final String LOG_RETENTION =
      "spark.databricks.delta.properties.defaults.logRetentionDuration";

  /** Delta checkpoints (and only then cleans its log) every this many commits: 10 by default. */
  private static final String CHECKPOINT_INTERVAL_DEFAULT =
      "spark.databricks.delta.properties.defaults.checkpointInterval";

  private static final int CHECKPOINT_INTERVAL = 2;

  /** One scheduled slot in this many brings new and changed runs; the others find nothing. */
  private static final int CHANGES_EVERY = 10;

  private static final Duration DAY = Duration.ofDays(1);

  @RegisterExtension final SimulatorExtension simulators = SimulatorExtension.onDemand();
  @RegisterExtension final InProcessCli cli = new InProcessCli();
  @TempDir Path dir;

  @Test
  void fiftyRunsInARowLeaveABoundedLakeThatStillEqualsTheWorkspace() {
    Simulator sim = simulators.start(Simulator.builder().runs(40).flows(1).seed(16));
    Path lake = dir.resolve("lake");
    List<Long> files = new ArrayList<>();
    int vacuums = 0;
    spark.conf().set(LOG_RETENTION, "interval 2 days");
    spark.conf().set(CHECKPOINT_INTERVAL_DEFAULT, String.valueOf(CHECKPOINT_INTERVAL));
    try {
      for (int run = 1; run <= 50; run++) {
        // as a schedule sees it: some slots bring new and changed runs, others nothing at all
        boolean changes = run % CHANGES_EVERY == 1;
        if (changes) {
          sim.workspace().addRuns(3);
          sim.workspace().modifyRuns(3);
        }
        long start = System.nanoTime();
        CliResult result = run(sim, lake, run == 10);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(result.exitCode())
            .as("run %d: %s", run, result.err())
            .isEqualTo(changes ? ExitCodes.OK : ExitCodes.NOTHING_NEW);
        boolean vacuumed = result.out().contains("vacuum:");
        assertThat(vacuumed).as("run %d vacuumed", run).isEqualTo(run % 10 == 0);
        vacuums += vacuumed ? 1 : 0;
        files.add(fileCount(lake));
        System.out.printf(
            "run %d: %d files, %d bytes, %.1f s%n", run, files.get(run - 1), bytes(lake), seconds);
        ageByADay(lake);
      }
    } finally {
      spark.conf().unset(LOG_RETENTION);
      spark.conf().unset(CHECKPOINT_INTERVAL_DEFAULT);
    }

    assertThat(vacuums).isEqualTo(5);
    long tables = deltaLogs(lake).count();
    assertThat(files.get(49))
        .as("files after run 50, against run 10's %d", files.get(9))
        .isLessThanOrEqualTo(files.get(9) + 2L * CHECKPOINT_INTERVAL * tables);
    MartOracle.assertMartsMatch(spark, lake.toString(), sim.workspace().snapshot());
    assertThat(LakeRuns.read(spark, lake.resolve("runs").toString()))
        .isEqualTo(LakeRuns.byUuid(sim.workspace().snapshot()));
  }

  private CliResult run(Simulator sim, Path lake, boolean forceVacuum) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--lake",
                lake.toString(),
                "--no-contacts",
                "--retention",
                "0s",
                "--vacuum-every",
                "10d"));
    if (forceVacuum) {
      args.add("--vacuum");
    }
    return cli.against(sim).run(args.toArray(String[]::new));
  }

  /** Moves the lake a day into the past, as Delta's log cleanup and the vacuum cadence see it. */
  private static void ageByADay(Path lake) {
    try (Stream<Path> logs = deltaLogs(lake)) {
      for (Path log : (Iterable<Path>) logs::iterator) {
        try (Stream<Path> entries = Files.list(log)) {
          for (Path entry : (Iterable<Path>) entries::iterator) {
            FileTime modified = Files.getLastModifiedTime(entry);
            Files.setLastModifiedTime(entry, FileTime.from(modified.toInstant().minus(DAY)));
          }
        }
      }
      Path cadence = lake.resolve("_state").resolve("vacuum.json");
      ObjectNode state = (ObjectNode) JSON.readTree(cadence.toFile());
      state.put("since", Instant.parse(state.get("since").asText()).minus(DAY).toString());
      JSON.writeValue(cadence.toFile(), state);
      // Hadoop's local file system checks a file against its .crc beside it, if there is one
      Files.deleteIfExists(cadence.resolveSibling(".vacuum.json.crc"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<Path> deltaLogs(Path lake) {
    try {
      return Files.walk(lake)
          .filter(p -> p.getFileName().toString().equals("_delta_log"))
          .filter(Files::isDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long fileCount(Path lake) {
    try (Stream<Path> all = Files.walk(lake)) {
      return all.filter(Files::isRegularFile).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long bytes(Path lake) {
    try (Stream<Path> all = Files.walk(lake)) {
      return all.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
