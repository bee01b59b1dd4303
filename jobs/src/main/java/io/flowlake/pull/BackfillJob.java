package io.flowlake.pull;

import io.flowlake.api.ApiConfig;
import io.flowlake.api.ArchiveInfo;
import io.flowlake.api.ArchivesClient;
import io.flowlake.config.ReadSettings;
import io.flowlake.lake.ArchiveState;
import io.flowlake.lake.LakePaths;
import io.flowlake.lake.LakeTables;
import io.flowlake.privacy.LakePolicyRecord;
import io.flowlake.privacy.PersonalData;
import io.flowlake.source.ArchiveSourceOptions;
import io.flowlake.source.RapidProArchivesProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code flowlake backfill}: merges the run archives the lake does not have yet (new, or rewritten
 * with a new hash) into {@code runs}, newest {@code modified_on} wins and an API record beats an
 * archive one on a tie (RunsMerge).
 *
 * <p>Order of work, as for a pull: (1)-(4) land the runs ({@link RunLanding}): every pending
 * archive is downloaded, checked whole and parsed into a staging folder (an archive that fails its
 * checks fails the backfill there, before anything is merged), then one merge of {@code runs}, the
 * touched months of {@code run_values}, rejects; (5) only then are the archives recorded as merged.
 * A backfill killed before (5) downloads the same archives again and the merge converges to the
 * same lake.
 */
public final class BackfillJob {

  private final SparkSession spark;
  private final LakePaths paths;
  private final Clock clock;

  public BackfillJob(SparkSession spark, LakePaths paths, Clock clock) {
    this.spark = spark;
    this.paths = paths;
    this.clock = clock;
  }

  /**
   * @param sourceOptions the {@code rapidpro} source's connection options for {@code config}
   * @param personalData what the lake keeps of contact names and URNs
   */
  public BackfillRecord run(
      ApiConfig config, Map<String, String> sourceOptions, PersonalData personalData) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    LakeAccess.requireWritable(paths, conf);
    new LakePolicyRecord(paths, conf, clock).admit(personalData);
    Instant started = clock.instant();
    ArchiveState state = new ArchiveState(paths, conf);
    List<ArchiveInfo> listed = new ArchivesClient(config).runArchives();
    List<ArchiveInfo> pending = state.pending(listed);
    long nonEmpty = listed.stream().filter(a -> a.recordCount() > 0).count();
    int skipped = (int) nonEmpty - pending.size();
    if (pending.isEmpty()) {
      return new BackfillRecord(listed.size(), skipped, 0, 0, 0, 0, seconds(started));
    }

    String readId = PullJob.newPullId();
    Map<String, String> options = new HashMap<>(sourceOptions);
    options.put(ReadSettings.ARCHIVES.key(), ArchiveSourceOptions.encode(pending));
    options.put(ReadSettings.PULL_ID.key(), readId);
    Dataset<Row> read =
        spark.read().format(RapidProArchivesProvider.SHORT_NAME).options(options).load();
    RunLanding.Landed landed =
        new RunLanding(spark, paths, PullStage.Listener.NONE, personalData)
            .land(read, readId, LakeTables.SOURCE_ARCHIVE, started);
    state.recordMerged(pending, clock.instant());
    return new BackfillRecord(
        listed.size(),
        skipped,
        pending.size(),
        landed.read().runs(),
        landed.read().rejects(),
        landed.months().size(),
        seconds(started));
  }

  private double seconds(Instant started) {
    return Duration.between(started, clock.instant()).toMillis() / 1000.0;
  }
}
