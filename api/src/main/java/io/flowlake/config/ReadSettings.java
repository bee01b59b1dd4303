package io.flowlake.config;

import java.time.Instant;

/**
 * What a {@code rapidpro} or {@code rapidpro-archives} read fetches, and how it spreads the work.
 * The options marked internal are set by {@code flowlake pull} and {@code backfill}; a notebook has
 * no need of them.
 */
public final class ReadSettings {

  public static final Setting<Instant> AFTER =
      Setting.computed(
          "after",
          ValueType.TIMESTAMP,
          "the first run",
          "Read runs modified at or after this instant, e.g. 2026-01-31T00:00:00Z.");

  public static final Setting<Instant> BEFORE =
      Setting.computed(
          "before",
          ValueType.TIMESTAMP,
          "when the DataFrame is defined",
          "Read runs modified at or before this instant; one upper bound for every window.");

  public static final Setting<String> FLOW =
      Setting.computed("flow", ValueType.TEXT, null, "Only the runs of this flow (its UUID).");

  public static final Setting<String> CONTACT =
      Setting.computed(
          "contact", ValueType.TEXT, null, "Only the runs of this contact (its UUID).");

  public static final Setting<String> UUID =
      Setting.computed("uuid", ValueType.TEXT, null, "Only the run with this UUID.");

  public static final Setting<Boolean> RESPONDED_ONLY =
      Setting.of(
          "respondedOnly",
          ValueType.BOOLEAN,
          "false",
          "Only the runs in which the contact responded.");

  /** Also a CLI option of {@code pull} and {@code run}, which pass it on to the read. */
  public static final Setting<Integer> PARALLELISM =
      Setting.computed(
          "parallelism",
          ValueType.POSITIVE_INT,
          "4 per task slot, at least 8",
          "Windows read at the same time, all under the one request budget.");

  public static final Setting<Integer> WINDOWS =
      Setting.computed(
          "windows",
          ValueType.POSITIVE_INT,
          "from the budget, the latency and the run count",
          "How many modified_on windows to cut the range into.");

  public static final Setting<String> WINDOW_EDGES =
      Setting.computed(
          "windowEdges",
          ValueType.TEXT,
          null,
          "Internal: windows planned earlier, as comma-separated edges (the first empty for"
              + " \"from the beginning\"); the read probes nothing and reads exactly these.");

  public static final Setting<String> PULL_ID =
      Setting.computed(
          "pullId",
          ValueType.TEXT,
          null,
          "Internal: ties the read's request counters to the pull that asked for it.");

  public static final Setting<String> ARCHIVES =
      Setting.computed(
          "archives",
          ValueType.TEXT,
          "every run archive",
          "Internal: a JSON list of the archives to read, as listed by the driver.");

  private ReadSettings() {}
}
