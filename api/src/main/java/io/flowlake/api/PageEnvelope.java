package io.flowlake.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The envelope every v2 listing shares ({@code next}, {@code previous}, {@code results}, and {@code
 * count} on limit/offset endpoints such as archives), and what a body that is not one means.
 * Listings other than runs are small and read whole: any bad item makes the page malformed.
 */
final class PageEnvelope {

  /** Reads one item of {@code results}; the parser stands on its first token. */
  @FunctionalInterface
  interface ItemReader<T> {
    T read(JsonParser p) throws IOException;
  }

  /** One listing page: its items, the next page's URL (null at the end) and the total, if sent. */
  record Listing<T>(List<T> items, String next, Long count) {}

  private static final JsonFactory JSON = new JsonFactory();

  private PageEnvelope() {}

  static <T> Listing<T> read(byte[] body, String what, ItemReader<T> itemReader) {
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new MalformedResponseException("the response is not a JSON object");
      }
      List<T> items = null;
      String next = null;
      Long count = null;
      while (StrictJson.nextField(p)) {
        switch (p.currentName()) {
          case "results" -> items = readItems(p, what, itemReader);
          case "next" -> next = next(p);
          case "count" -> count = StrictJson.nullableLong(p, "count");
          default -> p.skipChildren();
        }
      }
      if (items == null) {
        throw new MalformedResponseException("the response has no \"results\": not a " + what);
      }
      expectEnd(p);
      return new Listing<>(List.copyOf(items), next, count);
    } catch (JsonProcessingException e) {
      throw notJson(e);
    } catch (RecordFormatException e) {
      throw new MalformedResponseException(what + ": " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("reading a byte array cannot fail", e);
    }
  }

  /**
   * {@code next} is null at the end, otherwise an absolute URL to follow as is
   * (docs/rapidpro-api.md §3).
   */
  static String next(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    if (token != JsonToken.VALUE_NULL && token != JsonToken.VALUE_STRING) {
      throw new MalformedResponseException("\"next\" is neither a URL nor null");
    }
    return token == JsonToken.VALUE_NULL ? null : p.getText();
  }

  /** Whatever follows the closing brace means the body is not the page we think it is. */
  static void expectEnd(JsonParser p) throws IOException {
    if (p.nextToken() != null) {
      throw new MalformedResponseException("unexpected content after the page object");
    }
  }

  /** A reason a person can act on: HTML usually means a proxy or a login page, not RapidPro. */
  static MalformedResponseException notJson(JsonProcessingException e) {
    if (e instanceof JsonEOFException) {
      return new MalformedResponseException("the response body is truncated", e);
    }
    String message = String.valueOf(e.getOriginalMessage());
    if (message.startsWith("Unexpected character ('<'")) {
      return new MalformedResponseException("the response is not JSON: it looks like HTML", e);
    }
    return new MalformedResponseException(
        "the response is not JSON: " + StrictJson.clip(message), e);
  }

  private static <T> List<T> readItems(JsonParser p, String what, ItemReader<T> itemReader)
      throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new MalformedResponseException("\"results\" of the " + what + " is not a list");
    }
    List<T> items = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      items.add(itemReader.read(p));
    }
    return items;
  }
}
