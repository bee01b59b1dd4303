package io.flowlake.testing;

import com.sun.net.httpserver.HttpServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** A fixed JSON answer on a path of a test's stub HTTP server, standing in for a RapidPro. */
public final class JsonStub {

  private JsonStub() {}

  /** Answers every request to {@code path} with 200 and {@code body}. */
  public static void serve(HttpServer server, String path, String body) {
    server.createContext(
        path,
        exchange -> {
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
  }

  /** The server's base URL on loopback. */
  public static URI url(HttpServer server) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }
}
