package io.flowlake.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a whole page of a record listing ({@code {"next", "previous", "results"}},
 * docs/rapidpro-api.md §2.1): runs, contacts.
 *
 * <p>One bad record must not cost the other 249: a record that is JSON but not one we can store
 * becomes a {@link RejectedRecord} carrying its exact text, cut from the body by the parser's byte
 * offsets (re-serialising would hide what the server really sent). A body that is not JSON at all,
 * cut short, or lacks {@code results} is a {@link MalformedResponseException}: the request is worth
 * repeating.
 */
final class RecordPageParser {

  /** What a page held: the records that parsed, the rejects, and the next page's URL. */
  record Parsed<T>(List<T> records, List<RejectedRecord> rejects, String next) {}

  private static final JsonFactory JSON = new JsonFactory();

  private RecordPageParser() {}

  /**
   * @param what the listing's name for messages, e.g. "runs"
   * @param reader reads one record, throwing {@link RecordFormatException} for one we cannot store
   */
  static <T> Parsed<T> parse(byte[] body, String what, PageEnvelope.ItemReader<T> reader) {
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() == null) {
        throw new MalformedResponseException("the response body is empty");
      }
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw new MalformedResponseException("the response is JSON but not an object");
      }
      String next = null;
      List<T> records = null;
      List<RejectedRecord> rejects = new ArrayList<>();
      while (StrictJson.nextField(p)) {
        switch (p.currentName()) {
          case "next" -> next = PageEnvelope.next(p);
          case "results" -> records = readResults(p, body, reader, rejects);
          default -> p.skipChildren();
        }
      }
      if (records == null) {
        throw new MalformedResponseException(
            "the response has no \"results\": not a " + what + " page");
      }
      PageEnvelope.expectEnd(p);
      return new Parsed<>(records, rejects, next);
    } catch (JsonProcessingException e) {
      throw PageEnvelope.notJson(e);
    } catch (IOException e) {
      throw new UncheckedIOException("reading a byte array cannot fail", e);
    }
  }

  private static <T> List<T> readResults(
      JsonParser p, byte[] body, PageEnvelope.ItemReader<T> reader, List<RejectedRecord> rejects)
      throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new MalformedResponseException("\"results\" is not a list");
    }
    JsonStreamContext results = p.getParsingContext();
    List<T> records = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      int start = (int) p.currentTokenLocation().getByteOffset();
      try {
        records.add(reader.read(p));
      } catch (RecordFormatException e) {
        skipRestOf(p, results);
        int end = (int) p.currentLocation().getByteOffset();
        String raw = new String(body, start, end - start, StandardCharsets.UTF_8);
        rejects.add(new RejectedRecord(raw, e.getMessage()));
      }
    }
    return records;
  }

  /**
   * The record failed somewhere inside; move to its last token, which is where the parser is back
   * in the context of the {@code results} array (on a scalar, at once).
   */
  private static void skipRestOf(JsonParser p, JsonStreamContext results) throws IOException {
    while (p.getParsingContext() != results) {
      if (p.nextToken() == null) {
        throw new JsonEOFException(p, null, "end of input inside a record");
      }
    }
  }
}
