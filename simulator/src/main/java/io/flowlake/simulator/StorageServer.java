package io.flowlake.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The archives' storage, like S3 behind pre-signed URLs: another port on 127.0.0.1, no token
 * expected. It logs each download and whether it carried an {@code Authorization} header (never the
 * header's value), so a test can prove the API token stays on the API host.
 */
public final class StorageServer implements AutoCloseable {

  /** A download: the file asked for, the status sent, and whether any Authorization was sent. */
  public record Download(String path, int status, boolean authorizationSent) {}

  private final HttpServer http;
  private final ExecutorService executor;
  private final RunArchives archives;
  private final List<Download> downloads = new ArrayList<>();

  private StorageServer(HttpServer http, ExecutorService executor, RunArchives archives) {
    this.http = http;
    this.executor = executor;
    this.archives = archives;
  }

  static StorageServer start(RunArchives archives) throws IOException {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
    ExecutorService executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread t = new Thread(task, "simulator-storage");
              t.setDaemon(true);
              return t;
            });
    StorageServer server = new StorageServer(http, executor, archives);
    http.createContext("/", server::handle);
    http.setExecutor(executor);
    http.start();
    return server;
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
  }

  public synchronized List<Download> downloads() {
    return List.copyOf(downloads);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String name = path.substring(path.lastIndexOf('/') + 1);
      Optional<RunArchive> archive = archives.byFileName(name);
      boolean authorization = exchange.getRequestHeaders().containsKey("Authorization");
      int status = archive.isPresent() ? 200 : 404;
      synchronized (this) {
        downloads.add(new Download(path, status, authorization));
      }
      if (archive.isEmpty()) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      long size = archive.get().servedSize();
      // S3 serves the gzip as opaque bytes (ResponseContentEncoding: none, docs/rapidpro-api.md
      // §5).
      exchange.getResponseHeaders().set("Content-Type", "application/octet");
      exchange.sendResponseHeaders(200, size);
      try (InputStream in = archive.get().open();
          OutputStream out = exchange.getResponseBody()) {
        byte[] buffer = new byte[1 << 16];
        long left = size;
        while (left > 0) {
          int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
          if (n < 0) {
            break;
          }
          out.write(buffer, 0, n);
          left -= n;
        }
      }
    }
  }

  @Override
  public void close() {
    http.stop(0);
    executor.shutdownNow();
  }
}
