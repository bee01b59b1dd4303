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
 * Reads a whole {@code runs.json} page ({@code {"next", "previous", "results"}},
 * docs/rapidpro-api.md §2.1).
 *
 * <p>One bad record must not cost the other 249: a record that is JSON but not a storable run
 * becomes a {@link RejectedRecord} carrying its exact text, cut from the body by the parser's byte
 * offsets (re-serialising would hide what the server really sent). A body that is not JSON at all,
 * cut short, or lacks {@code results} is a {@link MalformedResponseException}: the request is worth
 * repeating.
 */
public final class RunPageParser {

  private static final JsonFactory JSON = new JsonFactory();

  private RunPageParser() {}

  public static RunPage parse(String url, byte[] body) {
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() == null) {
        throw new MalformedResponseException("the response body is empty");
      }
      expectObject(p);
      String next = null;
      List<RunRecord> runs = null;
      List<RejectedRecord> rejects = new ArrayList<>();
      while (StrictJson.nextField(p)) {
        switch (p.currentName()) {
          case "next" -> next = PageEnvelope.next(p);
          case "results" -> runs = readResults(p, body, rejects);
          default -> p.skipChildren();
        }
      }
      if (runs == null) {
        throw new MalformedResponseException("the response has no \"results\": not a runs page");
      }
      PageEnvelope.expectEnd(p);
      return new RunPage(url, runs, rejects, next);
    } catch (JsonProcessingException e) {
      throw PageEnvelope.notJson(e);
    } catch (IOException e) {
      throw new UncheckedIOException("reading a byte array cannot fail", e);
    }
  }

  private static void expectObject(JsonParser p) {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw new MalformedResponseException("the response is JSON but not an object");
    }
  }

  private static List<RunRecord> readResults(
      JsonParser p, byte[] body, List<RejectedRecord> rejects) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new MalformedResponseException("\"results\" is not a list");
    }
    JsonStreamContext results = p.getParsingContext();
    List<RunRecord> runs = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      int start = (int) p.currentTokenLocation().getByteOffset();
      try {
        runs.add(RunRecordParser.read(p));
      } catch (RecordFormatException e) {
        skipRestOf(p, results);
        int end = (int) p.currentLocation().getByteOffset();
        String raw = new String(body, start, end - start, StandardCharsets.UTF_8);
        rejects.add(new RejectedRecord(raw, e.getMessage()));
      }
    }
    return runs;
  }

  /**
   * The record failed somewhere inside; move to its last token, which is where the parser is back
   * in the context of the {@code results} array (on a scalar, at once).
   */
  private static void skipRestOf(JsonParser p, JsonStreamContext results) throws IOException {
    while (p.getParsingContext() != results) {
      if (p.nextToken() == null) {
        throw new JsonEOFException(p, null, "end of input inside a run");
      }
    }
  }
}
