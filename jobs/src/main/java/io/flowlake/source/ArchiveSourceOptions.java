package io.flowlake.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowlake.api.ApiConfig;
import io.flowlake.api.ArchiveInfo;
import io.flowlake.api.ConfigException;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The options of the {@code rapidpro-archives} source: the {@code rapidpro} source's connection
 * options ({@link SourceOptions}), and optionally {@link #ARCHIVES}, the archives to read as listed
 * by the driver (a backfill passes the ones it has not merged yet); without it the source lists
 * every run archive itself.
 */
public record ArchiveSourceOptions(ApiConfig api, List<ArchiveInfo> archives, String pullId)
    implements Serializable {

  /** JSON array of archives ({@link #encode}); absent = every run archive of the workspace. */
  public static final String ARCHIVES = "archives";

  private static final ObjectMapper JSON = new ObjectMapper();

  static ArchiveSourceOptions parse(Map<String, String> raw) {
    SourceOptions connection = SourceOptions.parse(raw, Instant.now());
    String listed = new CaseInsensitiveStringMap(raw).get(ARCHIVES);
    return new ArchiveSourceOptions(
        connection.api(), listed == null ? null : decode(listed), connection.pullId());
  }

  /** The value of {@link #ARCHIVES} for these archives. */
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
          "option '" + ARCHIVES + "' is not a JSON list of archives: " + e.getOriginalMessage());
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
