package io.flowlake.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code GET /api/v2/archives.json}: RapidPro's {@code ArchivesEndpoint} (docs/rapidpro-api.md §5).
 * Limit/offset pages with a {@code count}, newest {@code start_date} first, rolled-up dailies
 * hidden, and download URLs on the storage server, another port, as S3 is another host.
 */
final class ArchivesEndpoint {
  private static final JsonFactory JSON = new JsonFactory();
  private static final int DEFAULT_LIMIT = 250;

  private final RunArchives archives;
  private final URI storage;
  private final String orgId;

  ArchivesEndpoint(RunArchives archives, URI storage, String orgId) {
    this.archives = archives;
    this.storage = storage;
    this.orgId = orgId;
  }

  ApiResponse list(ApiRequest request) {
    QueryParams params = request.params();
    String type = params.get("type") != null ? params.get("type") : params.get("archive_type");
    String period = params.get("period");
    LocalDate after = date(params.get("after"));
    LocalDate before = date(params.get("before"));
    List<RunArchive> rows =
        archives.listed().stream()
            .filter(a -> type == null || type.isEmpty() || type.equals("run"))
            .filter(a -> period == null || period.isEmpty() || period.equals(a.period()))
            .filter(a -> after == null || !a.startDate().isBefore(after))
            .filter(a -> before == null || !a.startDate().isAfter(before))
            .toList();
    int limit = number(params, "limit", DEFAULT_LIMIT);
    int offset = number(params, "offset", 0);
    int end = (int) Math.min(rows.size(), (long) offset + limit);
    List<RunArchive> page = offset >= rows.size() ? List.of() : rows.subList(offset, end);
    String url = request.absoluteUrl();
    String next =
        end < rows.size()
            ? PythonUrlEncoding.replaceQueryParam(
                PythonUrlEncoding.replaceQueryParam(url, "limit", Integer.toString(limit)),
                "offset",
                Integer.toString(end))
            : null;
    String previous =
        offset > 0
            ? PythonUrlEncoding.replaceQueryParam(
                url, "offset", Integer.toString(Math.max(0, offset - limit)))
            : null;
    return ApiResponse.json(200, write(rows.size(), next, previous, page));
  }

  /** The pre-signed URL of an archive's file; null for an empty archive. */
  String downloadUrl(RunArchive archive) {
    if (archive.empty()) {
      return null;
    }
    return storage
        + "/"
        + orgId
        + "/"
        + archive.fileName()
        + "?X-Amz-Expires=86400&X-Amz-Signature="
        + Integer.toHexString(archive.fileName().hashCode());
  }

  private byte[] write(int count, String next, String previous, List<RunArchive> page) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    try (JsonGenerator gen = JSON.createGenerator(out)) {
      gen.writeStartObject();
      gen.writeNumberField("count", count);
      gen.writeStringField("next", next);
      gen.writeStringField("previous", previous);
      gen.writeArrayFieldStart("results");
      for (RunArchive a : page) {
        gen.writeStartObject();
        gen.writeStringField("archive_type", "run"); // deprecated duplicate of type
        gen.writeStringField("download_url", downloadUrl(a));
        gen.writeStringField("hash", a.listedHash());
        gen.writeStringField("period", a.period());
        gen.writeNumberField("record_count", a.listedRecordCount());
        gen.writeNumberField("size", a.listedSize());
        gen.writeStringField("start_date", a.startDate().toString());
        gen.writeStringField("type", "run");
        gen.writeEndObject();
      }
      gen.writeEndArray();
      gen.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  // DRF's LimitOffsetPagination falls back to the default on a bad or negative number.
  private static int number(QueryParams params, String name, int fallback) {
    String value = params.get(name);
    try {
      int n = value == null ? fallback : Integer.parseInt(value.strip());
      return n < 0 || (n == 0 && name.equals("limit")) ? fallback : n;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static LocalDate date(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    } catch (DateTimeParseException e) {
      return LocalDate.MAX; // an unparseable date matches nothing, as on the runs endpoint
    }
  }
}
