package io.flowlake.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.flowlake.config.ConfigException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A config file as text values: top-level keys, and keys under a command's name. YAML nests them
 * ({@code run: {max-rejects: 10}}); .properties joins them with a dot ({@code run.max-rejects=10}).
 * Its lines are kept so that an error can point at {@code file:line}.
 */
record ConfigFile(
    String name,
    Map<String, String> top,
    Map<String, Map<String, String>> sections,
    List<String> lines) {

  static final ConfigFile EMPTY = new ConfigFile("(none)", Map.of(), Map.of(), List.of());

  static ConfigFile read(String location) {
    Path path = Path.of(location);
    if (!Files.isRegularFile(path)) {
      throw new ConfigException("--config " + location + ": no such file");
    }
    try {
      return location.endsWith(".properties") ? properties(path) : yaml(path);
    } catch (JsonProcessingException e) {
      // file:line:column, as an editor or a compiler would point at it
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
      throw new ConfigException(
          "--config " + location + where + ": " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new ConfigException("--config " + location + ": " + firstLine(e.getMessage()));
    }
  }

  private static ConfigFile properties(Path path) throws IOException {
    Properties props = new Properties();
    try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      props.load(in);
    }
    ConfigFile file = empty(path);
    for (String key : props.stringPropertyNames()) {
      file.put(key, props.getProperty(key).strip());
    }
    return file;
  }

  private static ConfigFile yaml(Path path) throws IOException {
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(path.toFile());
    ConfigFile file = empty(path);
    if (root == null || root.isNull() || root.isMissingNode()) {
      return file;
    }
    if (!root.isObject()) {
      throw new ConfigException("--config " + path + ": expected key: value lines");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (entry.getValue().isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> inner = entry.getValue().fields();
            inner.hasNext(); ) {
          Map.Entry<String, JsonNode> option = inner.next();
          file.put(entry.getKey() + "." + option.getKey(), scalar(path, option));
        }
      } else {
        file.put(entry.getKey(), scalar(path, entry));
      }
    }
    return file;
  }

  private static ConfigFile empty(Path path) throws IOException {
    return new ConfigFile(
        path.toString(),
        new LinkedHashMap<>(),
        new LinkedHashMap<>(),
        Files.readAllLines(path, StandardCharsets.UTF_8));
  }

  /**
   * {@code file:line} of {@code key} ({@code option} or {@code command.option}), or the file's name
   * when the line cannot be told (a key written in an unusual way).
   */
  String where(String key) {
    int line = lineOf(key);
    return line > 0 ? name + ":" + line : name;
  }

  private int lineOf(String key) {
    Pattern whole = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*[:=]");
    for (int i = 0; i < lines.size(); i++) {
      if (whole.matcher(lines.get(i)).find()) {
        return i + 1;
      }
    }
    int dot = key.indexOf('.');
    if (dot < 0) {
      return 0;
    }
    Pattern section = Pattern.compile("^\\s*" + Pattern.quote(key.substring(0, dot)) + "\\s*:");
    Pattern option =
        Pattern.compile("(^|[\\s{,])" + Pattern.quote(key.substring(dot + 1)) + "\\s*:");
    boolean inSection = false;
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i);
      if (!inSection && section.matcher(text).find()) {
        inSection = true;
        text = text.substring(text.indexOf(':') + 1); // {option: value} on the section's line
      }
      if (inSection && option.matcher(text).find()) {
        return i + 1;
      }
    }
    return 0;
  }

  private void put(String key, String value) {
    int dot = key.indexOf('.');
    if (dot < 0) {
      top.put(key, value);
    } else {
      sections
          .computeIfAbsent(key.substring(0, dot), k -> new LinkedHashMap<>())
          .put(key.substring(dot + 1), value);
    }
  }

  private static String scalar(Path path, Map.Entry<String, JsonNode> entry) {
    JsonNode value = entry.getValue();
    if (!value.isValueNode() || value.isNull()) {
      throw new ConfigException(
          "--config " + path + ": '" + entry.getKey() + "' needs a single value");
    }
    return value.asText();
  }

  private static String firstLine(String message) {
    return message == null ? "unreadable" : ErrorReporter.firstLine(message);
  }
}
