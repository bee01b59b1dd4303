package io.flowlake.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A RapidPro-compatible API server over a {@link Workspace}, on 127.0.0.1 only: {@code
 * /api/v2/runs.json}, {@code /api/v2/flows.json}, {@code /api/v2/archives.json}, and the HTML docs
 * pages without {@code .json}. It answers as the real server does (docs/rapidpro-api.md), with a
 * token, a throttle, latency and injectable faults for tests.
 */
public final class SimulatorServer implements AutoCloseable {
  private final HttpServer http;
  private final ExecutorService executor;
  private final ApiHandler handler;
  private final Workspace workspace;
  private final URI url;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SimulatorServer(
      HttpServer http, ExecutorService executor, ApiHandler handler, Workspace workspace) {
    this.http = http;
    this.executor = executor;
    this.handler = handler;
    this.workspace = workspace;
    this.url = URI.create("http://127.0.0.1:" + http.getAddress().getPort());
  }

  /** Binds 127.0.0.1 on {@code options.port()} (0 = a free port) and starts answering. */
  public static SimulatorServer start(Workspace workspace, SimulatorOptions options)
      throws IOException {
    InetSocketAddress address =
        new InetSocketAddress(InetAddress.getByName("127.0.0.1"), options.port());
    HttpServer http = HttpServer.create(address, 64);
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread t = new Thread(task, "simulator-http-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    ApiHandler handler =
        new ApiHandler(workspace, options, http.getAddress().getPort(), Clock.systemUTC());
    http.createContext("/", handler);
    http.setExecutor(executor);
    http.start();
    return new SimulatorServer(http, executor, handler, workspace);
  }

  /**
   * The base URL, e.g. {@code http://127.0.0.1:8000}; the runs are at {@code /api/v2/runs.json}.
   */
  public URI url() {
    return url;
  }

  public Workspace workspace() {
    return workspace;
  }

  /** Faults to answer the next runs requests with. */
  public Faults faults() {
    return handler.faults();
  }

  /** The requests answered so far. */
  public RequestLog requests() {
    return handler.log();
  }

  /**
   * Called with the 1-based number of each runs request as it arrives, before it is answered: a
   * test can change the workspace while a pull is under way.
   */
  public void onRunsRequest(IntConsumer hook) {
    handler.onRunsRequest(hook);
  }

  /**
   * From now on, serves these archives at {@code /api/v2/archives.json} (files on {@code storage})
   * and only the runs modified from {@code servedFrom} in the runs endpoint.
   */
  void retain(RunArchives archives, StorageServer storage, java.time.Instant servedFrom) {
    handler.retain(
        new ArchivesEndpoint(archives, storage.url(), workspace.uuid().substring(0, 8)),
        ApiTimes.micros(servedFrom));
  }

  /** Stops answering and frees the port. Calling it again does nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      http.stop(0);
      executor.shutdownNow();
    }
  }
}
