package io.flowlake.simulator;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * A generated workspace served over HTTP: flowlake's demo default, and the fixture of integration
 * tests and benchmarks.
 *
 * <pre>{@code
 * try (Simulator sim = Simulator.builder().runs(5_000).seed(7).start()) {
 *   URI api = sim.url();       // http://127.0.0.1:<free port>
 *   String token = sim.token();
 *   List<RunRecord> truth = sim.workspace().snapshot();
 * }
 * }</pre>
 */
public final class Simulator implements AutoCloseable {
  private final Workspace workspace;
  private final SimulatorServer server;
  private final String token;
  private ScheduledExecutorService changes;
  private Retention retention;

  private Simulator(Workspace workspace, SimulatorServer server, String token) {
    this.workspace = workspace;
    this.server = server;
    this.token = token;
  }

  /**
   * What rp-archiver did to the workspace: its archives (files on {@link #storage()}) and the
   * oldest {@code modified_on} the runs endpoint still serves. Null without {@code retentionDays}.
   */
  public record Retention(RunArchives archives, StorageServer storage, Instant servedFrom) {}

  /** Null unless the simulator was built with {@link Builder#retentionDays}. */
  public Retention retention() {
    return retention;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The API base URL; runs are at {@code url() + "/api/v2/runs.json"}. */
  public URI url() {
    return server.url();
  }

  public String token() {
    return token;
  }

  public Workspace workspace() {
    return workspace;
  }

  public SimulatorServer server() {
    return server;
  }

  public Faults faults() {
    return server.faults();
  }

  public RequestLog requests() {
    return server.requests();
  }

  /** See {@link SimulatorServer#onRunsRequest}. */
  public void onRunsRequest(IntConsumer hook) {
    server.onRunsRequest(hook);
  }

  /**
   * Keeps the workspace changing, for trying incremental pulls by hand: every {@code period},
   * {@code count} ongoing runs move on a step; when fewer are ongoing, new runs start instead.
   */
  public synchronized void changeRunsEvery(Duration period, int count) {
    if (period.isNegative() || period.isZero() || count < 1) {
      throw new IllegalArgumentException(
          "changes need a positive period and count, got " + period + " and " + count);
    }
    if (changes != null) {
      changes.shutdownNow();
    }
    changes =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread t = new Thread(task, "simulator-changes");
              t.setDaemon(true);
              return t;
            });
    changes.scheduleAtFixedRate(
        () -> {
          List<String> modified = workspace.modifyRuns(count);
          if (modified.size() < count) {
            workspace.addRuns(count - modified.size());
          }
        },
        period.toMillis(),
        period.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    if (changes != null) {
      changes.shutdownNow();
    }
    server.close();
    if (retention != null) {
      retention.storage().close();
      retention.archives().close();
    }
  }

  /**
   * Days archived but not yet purged: their runs are in both an archive and the runs endpoint, the
   * overlap of docs/rapidpro-api.md pitfall 7.
   */
  public static final int PURGE_LAG_DAYS = 2;

  /** What to simulate; defaults: seed 42, 50,000 runs, 8 flows, not anonymous, a free port. */
  public static final class Builder {
    private long seed = 42;
    private int runs = 50_000;
    private int flows = 8;
    private boolean anonymous;
    private Instant now;
    private SimulatorOptions options = SimulatorOptions.defaults();
    private int retentionDays;
    private Clock clock = Clock.systemUTC();
    private Duration replicaLag = Duration.ZERO;

    private Builder() {}

    public Builder seed(long value) {
      seed = value;
      return this;
    }

    public Builder runs(int value) {
      runs = value;
      return this;
    }

    public Builder flows(int value) {
      flows = value;
      return this;
    }

    public Builder anonymous(boolean value) {
      anonymous = value;
      return this;
    }

    /** The generation time (default: the {@link #clock}'s time when {@link #start} runs). */
    public Builder now(Instant value) {
      now = value;
      return this;
    }

    public Builder options(SimulatorOptions value) {
      options = value;
      return this;
    }

    public Builder port(int value) {
      options = options.withPort(value);
      return this;
    }

    public Builder token(String value) {
      options = options.withToken(value);
      return this;
    }

    public Builder latencyMs(long value) {
      options = options.withLatencyMs(value);
      return this;
    }

    public Builder requestsPerHour(int value) {
      options = options.withRequestsPerHour(value);
      return this;
    }

    public Builder retryAfterHeader(boolean value) {
      options = options.withRetryAfterHeader(value);
      return this;
    }

    /**
     * Keeps in the runs endpoint only the runs modified in the last {@code days} (from the wall
     * clock at {@link #start}, less {@link #PURGE_LAG_DAYS} not yet purged), and serves the older
     * ones as archives (docs/rapidpro-api.md §7); 0, the default, keeps every run in the endpoint.
     * The generated runs span the 80 days before {@link #now}, so set {@code now} back in time to
     * archive most of them.
     */
    public Builder retentionDays(int days) {
      if (days < 0) {
        throw new IllegalArgumentException("retention days cannot be negative, got " + days);
      }
      retentionDays = days;
      return this;
    }

    /**
     * The wall clock that writes take their {@code modified_on} from and a lagging replica catches
     * up by (default: the system clock). A test that steps time gives a {@link ManualClock} here
     * and to the code under test.
     */
    public Builder clock(Clock value) {
      clock = value;
      return this;
    }

    /**
     * Makes the runs endpoint read a lagging replica, as RapidPro's does (docs/rapidpro-api.md §9
     * pitfall 4): each write (a transaction) shows up between 1 µs and {@code max} after its {@code
     * modified_on}, drawn from the seed, so writes can appear out of {@code modified_on} order.
     * Until then the endpoint shows the run as it was, a new run not at all. Zero, the default,
     * shows every write at once. Whole microseconds only.
     */
    public Builder replicaLag(Duration max) {
      if (max.isNegative()) {
        throw new IllegalArgumentException("a replica lag cannot be negative, got " + max);
      }
      replicaLag = max;
      return this;
    }

    /** Generates the workspace and starts serving it. */
    public Simulator start() throws IOException {
      Workspace workspace =
          WorkspaceGenerator.generate(
              seed, runs, flows, anonymous, now == null ? clock.instant() : now, clock, replicaLag);
      Simulator simulator =
          new Simulator(workspace, SimulatorServer.start(workspace, options), options.token());
      if (retentionDays > 0) {
        simulator.retention = archive(workspace, simulator.server, retentionDays);
      }
      return simulator;
    }

    private static Retention archive(Workspace workspace, SimulatorServer server, int days)
        throws IOException {
      java.time.LocalDate cutoff = RunArchives.day(Instant.now().minus(Duration.ofDays(days)));
      RunArchives archives = RunArchives.build(workspace.snapshot(), cutoff);
      StorageServer storage = StorageServer.start(archives);
      Instant servedFrom =
          cutoff.minusDays(PURGE_LAG_DAYS).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
      server.retain(archives, storage, servedFrom);
      return new Retention(archives, storage, servedFrom);
    }
  }
}
