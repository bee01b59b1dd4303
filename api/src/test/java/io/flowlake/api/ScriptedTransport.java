package io.flowlake.api;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link Transport} that plays back scripted answers and failures and records what was asked. */
final class ScriptedTransport implements Transport {

  private final Deque<Object> script = new ArrayDeque<>();
  final List<URI> requested = new ArrayList<>();
  final List<Map<String, String>> headersSent = new ArrayList<>();

  /** Queues an answer; {@code headers} are name, value pairs. */
  ScriptedTransport answer(int status, String body, String... headers) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < headers.length; i += 2) {
      map.put(headers[i], List.of(headers[i + 1]));
    }
    script.add(new HttpAnswer(status, map, body.getBytes(StandardCharsets.UTF_8)));
    return this;
  }

  ScriptedTransport answer(int status, String body, int times) {
    for (int i = 0; i < times; i++) {
      answer(status, body);
    }
    return this;
  }

  ScriptedTransport fail(IOException failure, int times) {
    for (int i = 0; i < times; i++) {
      script.add(failure);
    }
    return this;
  }

  boolean exhausted() {
    return script.isEmpty();
  }

  @Override
  public HttpAnswer get(URI uri, Map<String, String> headers) throws IOException {
    requested.add(uri);
    headersSent.add(Map.copyOf(headers));
    Object next = script.poll();
    if (next == null) {
      throw new AssertionError("unscripted request to " + uri);
    }
    if (next instanceof IOException failure) {
      throw failure;
    }
    return (HttpAnswer) next;
  }
}
