package io.flowlake.config;

import java.time.Duration;

/** The options only the {@code flowlake} commands have (the lake, the pull's window, exports). */
public final class CommandSettings {

  public static final Setting<String> LAKE =
      Setting.of(
          "lake", ValueType.PATH, "lake", "Lake root: a folder, or an hdfs:// or s3a:// path.");

  public static final Setting<Duration> OVERLAP =
      Setting.of(
          "overlap",
          ValueType.DURATION,
          "10m",
          "Re-read this much before the watermark on incremental pulls.");

  public static final Setting<Boolean> FULL =
      Setting.of(
          "full",
          ValueType.BOOLEAN,
          "false",
          "pull and run: ignore the watermark and fetch every run again; transform and run:"
              + " rebuild every mart, not only the flows that changed.");

  public static final Setting<Boolean> NO_CONTACTS =
      Setting.of(
          "noContacts",
          ValueType.BOOLEAN,
          "false",
          "Skip the contacts, contact_fields and groups tables (deletions are still mirrored).");

  /** RapidPro throttles contacts.json in a scope of its own, {@code v2.contacts}. */
  public static final Setting<Integer> CONTACTS_REQUESTS_PER_HOUR =
      Setting.of(
          "contactsRequestsPerHour",
          ValueType.POSITIVE_INT,
          "3600",
          "The workspace's v2.contacts request budget (contacts.json), apart from the runs'.");

  /** The default is the empty list, shown as "none". */
  public static final Setting<FieldSelection> CONTACT_FIELDS =
      new Setting<>(
          "contactFields",
          FieldSelection.TYPE,
          "",
          "none",
          "Contact fields the contacts table keeps: '*' or field keys, e.g. gender,born,district.");

  /** Dimensions of flow_segments and result_segments (docs/segments.md); none: empty marts. */
  public static final Setting<String> SEGMENT_BY =
      Setting.computed(
          "segmentBy",
          ValueType.TEXT,
          "none",
          "Segment the marts by kept contact fields and groups, e.g. gender,district,born:age,group.");

  /** Age bands apply to a FIELD:age dimension unless given here. */
  public static final Setting<String> SEGMENT_BANDS =
      Setting.computed(
          "segmentBands",
          ValueType.TEXT,
          "age=0-14,15-19,20-24,25-30,31-34,35-",
          "Bands of number and age dimensions, e.g. household_size=1-2,3-5,6-;age=0-17,18-.");

  public static final Setting<Integer> MIN_SEGMENT_RUNS =
      Setting.of(
          "minSegmentRuns",
          ValueType.POSITIVE_INT,
          "10",
          "Segments with fewer runs are marked suppressed; exports write their counts as null.");

  public static final Setting<String> CONFIG =
      Setting.computed(
          "config",
          ValueType.PATH,
          null,
          "Options from a YAML or .properties file; a flag wins over FLOWLAKE_<OPTION>, which"
              + " wins over the file.");

  public static final Setting<Boolean> VERBOSE =
      Setting.of("verbose", ValueType.BOOLEAN, "false", "Print stack traces on failure.");

  public static final Setting<Long> MAX_REJECTS =
      Setting.computed(
          "maxRejects",
          ValueType.COUNT,
          "no limit",
          "Exit 3 (partial) when the pull rejects more records than this.");

  public static final Setting<Boolean> REPORT_JSON =
      Setting.of(
          "reportJson",
          ValueType.BOOLEAN,
          "false",
          "Print the run report as one JSON line on stdout; the progress lines go to stderr.");

  public static final Setting<Boolean> WITH_ARCHIVES =
      Setting.of(
          "withArchives",
          ValueType.BOOLEAN,
          "false",
          "Backfill from RapidPro's run archives first (runs older than its retention).");

  /** Where the key of {@code --personal-data hash} comes from when no key file is given. */
  public static final String PII_KEY_ENV = "FLOWLAKE_PII_KEY";

  public static final Setting<String> PERSONAL_DATA =
      Setting.of(
          "personalData",
          ValueType.TEXT,
          "drop",
          "What the lake keeps of contact names and URNs: drop, hash (keyed HMAC-SHA256) or keep;"
              + " fixed when the lake is created (docs/personal-data.md).");

  public static final Setting<String> PII_KEY_FILE =
      Setting.computed(
          "piiKeyFile",
          ValueType.PATH,
          "$" + PII_KEY_ENV,
          "File holding the key of --personal-data hash; the key is never stored in the lake.");

  public static final Setting<Duration> RETENTION =
      Setting.of(
          "retention",
          ValueType.DURATION,
          "7d",
          "Vacuum: keep the files older lake versions need for this long (Delta's own default);"
              + " under 7d only while nothing else reads or writes the lake.");

  public static final Setting<Boolean> VACUUM =
      Setting.of(
          "vacuum",
          ValueType.BOOLEAN,
          "false",
          "After the marts, vacuum the lake: erased contacts leave its files (see --retention).");

  /** {@code run}'s own vacuum, when the last one is this old (docs/storage.md). */
  public static final Setting<Duration> VACUUM_EVERY =
      Setting.of(
          "vacuumEvery",
          ValueType.CADENCE,
          "1d",
          "run vacuums the lake (as --vacuum) when its last vacuum is this old; 0s: every run,"
              + " never: only with --vacuum or flowlake vacuum.");

  public static final Setting<String> CONTACT =
      Setting.computed(
          "contact",
          ValueType.TEXT,
          Setting.REQUIRED,
          "UUIDs of contacts to erase from the lake, who stay erased (tombstones).");

  public static final Setting<String> JDBC_URL =
      Setting.computed(
          "jdbcUrl",
          ValueType.TEXT,
          null,
          "Write the marts to PostgreSQL, e.g. jdbc:postgresql://db:5432/analytics.");

  public static final Setting<String> JDBC_USER =
      Setting.computed("jdbcUser", ValueType.TEXT, null, "PostgreSQL user.");

  /** Where the JDBC password comes from when no file is given. */
  public static final String JDBC_PASSWORD_ENV = "FLOWLAKE_JDBC_PASSWORD";

  public static final Setting<String> JDBC_PASSWORD_FILE =
      Setting.computed(
          "jdbcPasswordFile",
          ValueType.PATH,
          "$" + JDBC_PASSWORD_ENV,
          "File holding the PostgreSQL password.");

  public static final Setting<String> TABLES =
      Setting.computed(
          "tables",
          ValueType.TEXT,
          "all that exist",
          "With --jdbc-url: which of runs, run_values, contacts, marts to export, e.g."
              + " runs,marts; the base tables are sent incrementally (docs/warehouse.md).");

  public static final Setting<Duration> JDBC_LOCK_WAIT =
      Setting.of(
          "jdbcLockWait",
          ValueType.DURATION,
          "0s",
          "How long to wait for another exporter on the same PostgreSQL schema before exiting 4.");

  public static final Setting<String> FORMAT =
      Setting.computed("format", ValueType.TEXT, null, "csv or parquet (with --out).");

  public static final Setting<String> OUT =
      Setting.computed(
          "out", ValueType.PATH, null, "Directory to write the files to (with --format).");

  private CommandSettings() {}
}
