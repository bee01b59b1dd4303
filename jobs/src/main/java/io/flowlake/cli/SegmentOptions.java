package io.flowlake.cli;

import io.flowlake.config.ConfigException;
import io.flowlake.config.FieldSelection;
import io.flowlake.lake.ContactsState;
import io.flowlake.lake.LakePaths;
import io.flowlake.models.SegmentRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Option;

/**
 * {@code --segment-by}, {@code --segment-bands} and {@code --min-segment-runs}, for {@code
 * transform} and {@code run}. Checked before Spark starts and before any request: the text always,
 * and the fields against what the lake recorded it keeps ({@code _state/contacts.json}) and, for
 * {@code run}, against this run's {@code --contact-fields}. A field whose type nothing recorded yet
 * (a lake's first run) is looked up in the workspace's fields.json before the run starts, and
 * checked again by the transform against contact_fields.
 */
final class SegmentOptions {

  @Option(names = "--segment-by", paramLabel = "DIMENSIONS")
  String segmentBy;

  @Option(names = "--segment-bands", paramLabel = "BANDS")
  String segmentBands;

  @Option(names = "--min-segment-runs", paramLabel = "N")
  int minSegmentRuns;

  /** For {@code transform}: the lake's recorded fields decide. */
  SegmentRequest request(String lake) {
    SegmentRequest request = parsed();
    if (!request.isEmpty()) {
      recordedTypes(lake).ifPresent(request::resolve);
    }
    return request;
  }

  /**
   * For {@code run}: this run keeps {@code pulling} (null under --no-contacts, which keeps what the
   * lake has).
   */
  SegmentRequest request(String lake, FieldSelection pulling) {
    return request(lake, pulling, () -> null);
  }

  /**
   * As above; when the lake has not recorded the type of a field this run keeps (its first run),
   * {@code workspaceTypes} is asked for the types by key (one fields.json request, before Spark
   * starts and before any runs request), or gives null to leave the check to the transform.
   */
  SegmentRequest request(
      String lake, FieldSelection pulling, Supplier<Map<String, String>> workspaceTypes) {
    SegmentRequest request = parsed();
    if (request.isEmpty() || pulling == null) {
      return pulling == null ? request(lake) : request;
    }
    Map<String, String> types = new LinkedHashMap<>();
    recordedTypes(lake)
        .ifPresent(recorded -> recorded.forEach((k, t) -> putIfKept(types, pulling, k, t)));
    boolean allTypesKnown = true;
    for (String field : request.fields()) {
      if (pulling.keeps(field) && !types.containsKey(field)) {
        allTypesKnown = false;
      }
    }
    if (allTypesKnown) {
      request.resolve(types);
      return request;
    }
    request.requireKept(pulling::keeps, pulling.toString());
    Map<String, String> asked = workspaceTypes.get();
    if (asked != null) {
      Map<String, String> kept = new LinkedHashMap<>();
      asked.forEach((key, type) -> putIfKept(kept, pulling, key, type));
      request.resolve(kept);
    }
    return request;
  }

  private static void putIfKept(
      Map<String, String> types, FieldSelection pulling, String key, String type) {
    if (pulling.keeps(key)) {
      types.put(key, type);
    }
  }

  private SegmentRequest parsed() {
    return SegmentRequest.parse(segmentBy, segmentBands, minSegmentRuns);
  }

  /** The types the lake's last contacts landing recorded; empty when it cannot tell. */
  private static Optional<Map<String, String>> recordedTypes(String lake) {
    if (lake == null) {
      return Optional.empty();
    }
    try {
      Configuration conf = new Configuration();
      return new ContactsState(LakePaths.qualified(lake, conf), conf).keptFieldTypes();
    } catch (ConfigException e) {
      throw e;
    } catch (RuntimeException e) {
      // e.g. an object store whose credentials only the Spark session holds: the transform checks
      return Optional.empty();
    }
  }
}
