package io.flowlake.source;

import io.flowlake.api.Timestamps;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.GreaterThan;
import org.apache.spark.sql.sources.GreaterThanOrEqual;
import org.apache.spark.sql.sources.LessThan;
import org.apache.spark.sql.sources.LessThanOrEqual;

/**
 * The part of a query's {@code where} the runs endpoint can answer (docs/rapidpro-api.md §2.6): run
 * {@code uuid}, {@code flow_uuid}, {@code contact_uuid}, {@code responded = true} and {@code
 * modified_on} ranges become request parameters. The API's filters are only ever as narrow as the
 * query's or wider (a strict {@code >} becomes the inclusive {@code after}; flow and contact cannot
 * be combined, so only one is sent), which is why Spark still evaluates every filter on the rows
 * that arrive.
 */
final class PushedFilters {

  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final List<Filter> used = new ArrayList<>();
  private SourceOptions options;

  private PushedFilters(SourceOptions options) {
    this.options = options;
  }

  /** {@code options} narrowed by what of {@code filters} the API can apply. */
  static PushedFilters apply(SourceOptions options, Filter[] filters) {
    PushedFilters pushed = new PushedFilters(options);
    for (Filter filter : filters) {
      if (pushed.push(filter)) {
        pushed.used.add(filter);
      }
    }
    return pushed;
  }

  SourceOptions options() {
    return options;
  }

  Filter[] used() {
    return used.toArray(new Filter[0]);
  }

  private boolean push(Filter filter) {
    if (filter instanceof EqualTo eq) {
      return equalTo(eq.attribute(), eq.value());
    }
    if (filter instanceof GreaterThan gt && gt.attribute().equals("modified_on")) {
      return after(instant(gt.value()));
    }
    if (filter instanceof GreaterThanOrEqual ge && ge.attribute().equals("modified_on")) {
      return after(instant(ge.value()));
    }
    if (filter instanceof LessThan lt && lt.attribute().equals("modified_on")) {
      return before(instant(lt.value()));
    }
    if (filter instanceof LessThanOrEqual le && le.attribute().equals("modified_on")) {
      return before(instant(le.value()));
    }
    return false;
  }

  private boolean equalTo(String column, Object value) {
    switch (column) {
      case "uuid":
        if (options.uuid() == null && isUuid(value)) {
          options =
              with(options.flow(), options.contact(), (String) value, options.respondedOnly());
          return true;
        }
        return false;
      case "flow_uuid":
        if (options.flow() == null && options.contact() == null && isUuid(value)) {
          options = with((String) value, null, options.uuid(), options.respondedOnly());
          return true;
        }
        return false;
      case "contact_uuid":
        if (options.flow() == null && options.contact() == null && isUuid(value)) {
          options = with(null, (String) value, options.uuid(), options.respondedOnly());
          return true;
        }
        return false;
      case "responded":
        // responded=false filters nothing in the API (pitfall 15): leave it to Spark.
        if (Boolean.TRUE.equals(value)) {
          options = with(options.flow(), options.contact(), options.uuid(), true);
          return true;
        }
        return false;
      case "modified_on":
        Instant at = instant(value);
        return at != null && after(at) && before(at);
      default:
        return false;
    }
  }

  private boolean after(Instant at) {
    if (at == null) {
      return false;
    }
    if (options.after() == null || at.isAfter(options.after())) {
      options = range(at, options.before());
    }
    return true;
  }

  private boolean before(Instant at) {
    if (at == null) {
      return false;
    }
    if (at.isBefore(options.before())) {
      options = range(options.after(), at);
    }
    return true;
  }

  private SourceOptions with(String flow, String contact, String uuid, boolean responded) {
    return new SourceOptions(
        options.api(),
        options.after(),
        options.before(),
        flow,
        contact,
        uuid,
        responded,
        options.pullId());
  }

  private SourceOptions range(Instant after, Instant before) {
    return new SourceOptions(
        options.api(),
        after,
        before,
        options.flow(),
        options.contact(),
        options.uuid(),
        options.respondedOnly(),
        options.pullId());
  }

  private static boolean isUuid(Object value) {
    return value instanceof String s && UUID.matcher(s).matches();
  }

  /**
   * Spark hands timestamps as {@link Timestamp}, or {@link Instant} with the Java 8 time API on; a
   * {@code timestamp_ntz} literal arrives as {@link LocalDateTime}, taken as UTC as the API does.
   * Truncated to microseconds downwards: the API's precision, and never narrower than asked.
   */
  private static Instant instant(Object value) {
    Instant at;
    if (value instanceof Timestamp t) {
      at = t.toInstant();
    } else if (value instanceof Instant i) {
      at = i;
    } else if (value instanceof LocalDateTime l) {
      at = l.toInstant(ZoneOffset.UTC);
    } else if (value instanceof String s) {
      try {
        at = Timestamps.parse(s);
      } catch (RuntimeException e) {
        return null;
      }
    } else {
      return null;
    }
    return at.truncatedTo(ChronoUnit.MICROS);
  }
}
