package io.flowlake.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A server's answer: status, headers (names in any case) and the whole body.
 *
 * @param status the HTTP status
 * @param headers header values by name, as the server sent them
 * @param body the response body, empty if none
 */
public record HttpAnswer(int status, Map<String, List<String>> headers, byte[] body) {

  public HttpAnswer {
    headers = headers == null ? Map.of() : headers;
    body = body == null ? new byte[0] : body;
  }

  /** The first value of a header, whatever the case of its name. */
  public Optional<String> header(String name) {
    return headers.entrySet().stream()
        .filter(entry -> entry.getKey() != null && entry.getKey().equalsIgnoreCase(name))
        .flatMap(entry -> entry.getValue().stream())
        .findFirst();
  }

  /** Status and size only: bodies can be large. */
  @Override
  public String toString() {
    return "HttpAnswer[status=" + status + ", bytes=" + body.length + "]";
  }
}
