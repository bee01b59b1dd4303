package io.flowlake.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowlake.api.ApiConfig;
import io.flowlake.api.ArchiveInfo;
import io.flowlake.config.ConfigException;
import io.flowlake.config.OptionRegistry;
import io.flowlake.config.ReadSettings;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The options of the {@code rapidpro-archives} source ({@link OptionRegistry#ARCHIVES_SOURCE}): the
 * connection options both sources share, and optionally {@link ReadSettings#ARCHIVES}, the archives
 * to read as listed by the driver (a backfill passes the ones it has not merged yet); without it
 * the source lists every run archive itself. The {@code rapidpro} source's filters ({@code after},
 * {@code flow}, ...) are refused: an archive is read whole.
 */
public record ArchiveSourceOptions(ApiConfig api, List<ArchiveInfo> archives, String pullId)
    implements Serializable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @throws ConfigException naming an unknown option or quoting a bad value
   */
  static ArchiveSourceOptions parse(Map<String, String> raw) {
    OptionRegistry.refuseUnknown(
        raw, OptionRegistry.ARCHIVES_SOURCE, RapidProArchivesProvider.SHORT_NAME);
    String listed = ReadSettings.ARCHIVES.from(raw);
    return new ArchiveSourceOptions(
        SourceOptions.connection(raw),
        listed == null ? null : decode(listed),
        ReadSettings.PULL_ID.from(raw));
  }

  /** The value of {@link ReadSettings#ARCHIVES} for these archives. */
  public static String encode(List<ArchiveInfo> archives) {
    try {
      return JSON.writeValueAsString(archives);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("archive entries are plain records", e);
    }
  }

  private static List<ArchiveInfo> decode(String text) {
    try {
      return Arrays.asList(JSON.readValue(text, ArchiveInfo[].class));
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          "option '"
              + ReadSettings.ARCHIVES.key()
              + "' is not a JSON list of archives: "
              + e.getOriginalMessage());
    }
  }

  @Override
  public String toString() {
    return "ArchiveSourceOptions[api="
        + api.api()
        + ", archives="
        + (archives == null ? "all" : archives.size())
        + "]";
  }
}
