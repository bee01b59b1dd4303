package io.flowlake.source;

import io.flowlake.config.ConfigException;
import io.flowlake.config.ReadSettings;
import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How many requests a read keeps in flight, and into how many windows it cuts its range. Kept apart
 * from {@link SourceOptions} (what to read) because it only shapes the plan, never the result.
 *
 * @param parallelism windows read at the same time over the whole job, 0 for the default ({@link
 *     #defaultFor}); independent of cores: a window's reader is a thread that mostly waits on the
 *     network, so a task reads several windows at once
 * @param windows how many windows to plan, 0 to size them from the expected run count
 * @param planned the windows to read as planned earlier, or null to plan them here
 */
public record ReadConcurrency(int parallelism, int windows, List<RunsWindow> planned)
    implements Serializable {

  /** Windows in flight per task slot by default: a page mostly waits on the network. */
  static final int WINDOWS_IN_FLIGHT_PER_SLOT = 4;

  /** The fewest windows in flight by default, so a small cluster still hides the API's latency. */
  static final int MIN_DEFAULT_PARALLELISM = 8;

  /**
   * The options {@link ReadSettings#PARALLELISM}, {@link ReadSettings#WINDOWS} and {@link
   * ReadSettings#WINDOW_EDGES}; the caller has refused unknown keys.
   */
  static ReadConcurrency parse(Map<String, String> raw) {
    return new ReadConcurrency(
        orZero(ReadSettings.PARALLELISM.from(raw)),
        orZero(ReadSettings.WINDOWS.from(raw)),
        edges(ReadSettings.WINDOW_EDGES.from(raw)));
  }

  /**
   * The {@link ReadSettings#WINDOW_EDGES} value for {@code windows}, which must follow each other.
   */
  public static String edges(List<RunsWindow> windows) {
    StringBuilder out = new StringBuilder(text(windows.get(0).after()));
    for (RunsWindow window : windows) {
      out.append(',').append(text(window.before()));
    }
    return out.toString();
  }

  private static List<RunsWindow> edges(String value) {
    if (value == null) {
      return null;
    }
    String[] parts = value.split(",", -1);
    List<RunsWindow> windows = new ArrayList<>();
    try {
      for (int i = 1; i < parts.length; i++) {
        Instant after = parts[i - 1].isEmpty() ? null : Instant.parse(parts[i - 1]);
        windows.add(new RunsWindow(i - 1, after, Instant.parse(parts[i])));
      }
    } catch (DateTimeParseException e) {
      throw new ConfigException(
          "option '"
              + ReadSettings.WINDOW_EDGES.key()
              + "' must be timestamps separated by commas, got '"
              + value
              + "'");
    }
    if (windows.isEmpty()) {
      throw new ConfigException(
          "option '"
              + ReadSettings.WINDOW_EDGES.key()
              + "' needs at least two edges, got '"
              + value
              + "'");
    }
    return windows;
  }

  private static String text(Instant t) {
    return t == null ? "" : t.toString();
  }

  /** The default parallelism for a cluster with {@code taskSlots} slots. */
  static int defaultFor(int taskSlots) {
    return Math.max(MIN_DEFAULT_PARALLELISM, WINDOWS_IN_FLIGHT_PER_SLOT * taskSlots);
  }

  int parallelismFor(int taskSlots) {
    return parallelism > 0 ? parallelism : defaultFor(taskSlots);
  }

  /** 0 when absent (the default). */
  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
