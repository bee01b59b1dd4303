package io.flowlake.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** An answer to write back, or (for fault injection) a connection to drop without one. */
record ApiResponse(
    int status, String contentType, byte[] body, Map<String, String> headers, boolean dropped) {
  static final String JSON = "application/json";
  static final String HTML = "text/html; charset=utf-8";
  private static final JsonFactory FACTORY = new JsonFactory();

  static ApiResponse json(int status, byte[] body) {
    return new ApiResponse(status, JSON, body, new LinkedHashMap<>(), false);
  }

  static ApiResponse html(int status, String page) {
    return new ApiResponse(
        status, HTML, page.getBytes(StandardCharsets.UTF_8), new LinkedHashMap<>(), false);
  }

  static ApiResponse droppedConnection() {
    return new ApiResponse(0, null, new byte[0], Map.of(), true);
  }

  /** DRF's rendering of an {@code APIException}: compact {@code {"detail":"..."}}. */
  static ApiResponse detail(int status, String detail) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    try (JsonGenerator gen = FACTORY.createGenerator(out)) {
      gen.writeStartObject();
      gen.writeStringField("detail", detail);
      gen.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return json(status, out.toByteArray());
  }

  static ApiResponse of(ApiError error) {
    return error.status() == 500
        ? html(500, error.detail())
        : detail(error.status(), error.detail());
  }

  ApiResponse withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ApiResponse(status, contentType, body, more, dropped);
  }

  /** The same answer cut in the middle of its body, as a broken proxy might send it. */
  ApiResponse truncated() {
    return new ApiResponse(
        status, contentType, Arrays.copyOf(body, body.length / 2), headers, dropped);
  }
}
