package io.flowlake.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every option of flowlake, each declared once in {@link ConnectionSettings}, {@link ReadSettings}
 * or {@link CommandSettings}, and which surface accepts which.
 *
 * <p>Precedence, the same for every option: on the command line a flag beats {@code
 * FLOWLAKE_<OPTION>}, which beats the config file, which beats the default here; in {@code
 * spark.read} the read option beats the default here (there is no session-wide setting). An option
 * a surface does not know is refused with one line naming it, never ignored.
 */
public final class OptionRegistry {

  /** How both Spark sources reach the API: the same connection options, in the same order. */
  private static final List<Setting<?>> SOURCE_CONNECTION =
      List.of(
          ConnectionSettings.API,
          ConnectionSettings.TOKEN,
          ConnectionSettings.TOKEN_FILE,
          ConnectionSettings.REQUESTS_PER_HOUR,
          ConnectionSettings.RETRY_AFTER_FALLBACK,
          ConnectionSettings.MAX_ATTEMPTS,
          ConnectionSettings.BACKOFF_BASE,
          ConnectionSettings.ALLOW_INSECURE_HTTP);

  /** {@code spark.read.format("rapidpro")}. */
  public static final List<Setting<?>> RAPIDPRO_SOURCE =
      withConnection(
          ReadSettings.AFTER,
          ReadSettings.BEFORE,
          ReadSettings.FLOW,
          ReadSettings.CONTACT,
          ReadSettings.UUID,
          ReadSettings.RESPONDED_ONLY,
          ReadSettings.PARALLELISM,
          ReadSettings.WINDOWS,
          ReadSettings.WINDOW_EDGES,
          ReadSettings.PULL_ID);

  /**
   * {@code spark.read.format("rapidpro-archives")}: whole archive files, so none of the filters of
   * the {@code rapidpro} source; filter the DataFrame instead.
   */
  public static final List<Setting<?>> ARCHIVES_SOURCE =
      withConnection(ReadSettings.ARCHIVES, ReadSettings.PULL_ID);

  /** The options of the {@code flowlake} commands; which command has which, picocli knows. */
  public static final List<Setting<?>> COMMANDS =
      List.of(
          ConnectionSettings.API,
          ConnectionSettings.TOKEN_FILE,
          ConnectionSettings.REQUESTS_PER_HOUR,
          ConnectionSettings.RETRY_AFTER_FALLBACK,
          ConnectionSettings.MAX_ATTEMPTS,
          ConnectionSettings.ALLOW_INSECURE_HTTP,
          ReadSettings.PARALLELISM,
          CommandSettings.LAKE,
          CommandSettings.OVERLAP,
          CommandSettings.FULL,
          CommandSettings.NO_CONTACTS,
          CommandSettings.CONTACTS_REQUESTS_PER_HOUR,
          CommandSettings.CONTACT_FIELDS,
          CommandSettings.SEGMENT_BY,
          CommandSettings.SEGMENT_BANDS,
          CommandSettings.MIN_SEGMENT_RUNS,
          CommandSettings.CONFIG,
          CommandSettings.VERBOSE,
          CommandSettings.MAX_REJECTS,
          CommandSettings.REPORT_JSON,
          CommandSettings.WITH_ARCHIVES,
          CommandSettings.PERSONAL_DATA,
          CommandSettings.PII_KEY_FILE,
          CommandSettings.RETENTION,
          CommandSettings.VACUUM,
          CommandSettings.VACUUM_EVERY,
          CommandSettings.CONTACT,
          CommandSettings.JDBC_URL,
          CommandSettings.JDBC_USER,
          CommandSettings.JDBC_PASSWORD_FILE,
          CommandSettings.TABLES,
          CommandSettings.JDBC_LOCK_WAIT,
          CommandSettings.FORMAT,
          CommandSettings.OUT);

  private OptionRegistry() {}

  private static List<Setting<?>> withConnection(Setting<?>... readSettings) {
    List<Setting<?>> all = new ArrayList<>(SOURCE_CONNECTION);
    all.addAll(List.of(readSettings));
    return List.copyOf(all);
  }

  /** The command option spelled {@code flag}, e.g. {@code --requests-per-hour}. */
  public static Optional<Setting<?>> command(String flag) {
    return COMMANDS.stream().filter(s -> s.flag().equals(flag)).findFirst();
  }

  /**
   * Refuses an option {@code format} does not accept, naming it as the caller spelled it.
   *
   * @param options the read options as given (Spark matches their keys case-insensitively)
   * @param accepted the options of the source
   * @throws ConfigException for the first unknown key, with the nearest known one if any
   */
  public static void refuseUnknown(
      Map<String, String> options, List<Setting<?>> accepted, String format) {
    Map<String, Setting<?>> known = new LinkedHashMap<>();
    accepted.forEach(s -> known.put(s.key().toLowerCase(Locale.ROOT), s));
    List<String> unknown = new ArrayList<>();
    for (String key : options.keySet()) {
      if (!known.containsKey(key.toLowerCase(Locale.ROOT))) {
        unknown.add(key);
      }
    }
    if (unknown.isEmpty()) {
      return;
    }
    unknown.sort(Comparator.naturalOrder());
    String key = unknown.get(0);
    throw new ConfigException(
        "format '"
            + format
            + "' has no option '"
            + key
            + "'"
            + nearest(key, accepted).map(s -> " (did you mean '" + s.key() + "'?)").orElse("")
            + "; its options are listed in docs/options.md");
  }

  /** The accepted option within two edits of {@code key}, ignoring case. */
  private static Optional<Setting<?>> nearest(String key, List<Setting<?>> accepted) {
    return NearestName.of(key, accepted.stream().map(Setting::key).toList())
        .flatMap(name -> accepted.stream().filter(s -> s.key().equals(name)).findFirst());
  }
}
