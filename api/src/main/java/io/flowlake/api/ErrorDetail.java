package io.flowlake.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The human part of a DRF error body: {@code {"detail": "Invalid token"}} for 403/404/429, or a
 * validation list such as {@code ["You may only specify one of the contact, flow parameters"]} or
 * {@code {"field": ["message"]}} for 400. Anything else (an HTML error page) yields nothing.
 */
final class ErrorDetail {

  private static final JsonFactory JSON = new JsonFactory();
  private static final int MAX_LENGTH = 200;

  private ErrorDetail() {}

  static Optional<String> of(byte[] body) {
    try (JsonParser p = JSON.createParser(body)) {
      JsonToken first = p.nextToken();
      List<String> messages = new ArrayList<>();
      if (first == JsonToken.START_ARRAY) {
        collectStrings(p, "", messages);
      } else if (first == JsonToken.START_OBJECT) {
        while (StrictJson.nextField(p)) {
          String field = p.currentName();
          collectStrings(p, field.equals("detail") ? "" : field + ": ", messages);
        }
      }
      return messages.isEmpty() ? Optional.empty() : Optional.of(oneLine(messages));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static void collectStrings(JsonParser p, String prefix, List<String> messages)
      throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      messages.add(prefix + p.getText());
    } else if (p.currentToken() == JsonToken.START_ARRAY) {
      while (p.nextToken() != JsonToken.END_ARRAY) {
        collectStrings(p, prefix, messages);
      }
    } else {
      p.skipChildren();
    }
  }

  private static String oneLine(List<String> messages) {
    String text = String.join("; ", messages).replaceAll("\\s+", " ").strip();
    return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 3) + "...";
  }
}
