package io.flowlake.api;

import static io.flowlake.api.StrictJson.nextField;
import static io.flowlake.api.StrictJson.nullableLong;
import static io.flowlake.api.StrictJson.nullableString;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/** Reads a page of {@code /api/v2/archives.json} (docs/rapidpro-api.md §5). */
public final class ArchiveListingParser {

  private ArchiveListingParser() {}

  /**
   * @throws MalformedResponseException if the body is not such a page
   */
  public static ArchivePage parse(byte[] body) {
    PageEnvelope.Listing<ArchiveInfo> listing =
        PageEnvelope.read(body, "archives page", ArchiveListingParser::readArchive);
    return new ArchivePage(listing.items(), listing.next(), listing.count());
  }

  // archive_type, a deprecated duplicate of type, is skipped with any other unknown field.
  private static ArchiveInfo readArchive(JsonParser p) throws IOException {
    StrictJson.startObject(p, "archive");
    String type = null;
    String startDate = null;
    String period = null;
    Long recordCount = null;
    Long size = null;
    String hash = null;
    String downloadUrl = null;
    while (nextField(p)) {
      switch (p.currentName()) {
        case "type" -> type = nullableString(p, "type");
        case "start_date" -> startDate = nullableString(p, "start_date");
        case "period" -> period = nullableString(p, "period");
        case "record_count" -> recordCount = nullableLong(p, "record_count");
        case "size" -> size = nullableLong(p, "size");
        case "hash" -> hash = nullableString(p, "hash");
        case "download_url" -> downloadUrl = nullableString(p, "download_url");
        default -> p.skipChildren();
      }
    }
    if (type == null || startDate == null || period == null || recordCount == null) {
      throw new RecordFormatException("an archive lacks type, start_date, period or record_count");
    }
    return new ArchiveInfo(
        type, startDate, period, recordCount, size == null ? 0 : size, hash, downloadUrl);
  }
}
