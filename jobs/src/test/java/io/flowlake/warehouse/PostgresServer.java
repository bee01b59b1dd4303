package io.flowlake.warehouse;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server on 127.0.0.1: its own data directory, a free port, password
 * authentication, stopped (immediately) by {@link #close}. Needs the Debian {@code postgresql}
 * binaries, which bin/test installs; as root, the server runs as the {@code postgres} user, since
 * PostgreSQL refuses to run as root.
 */
final class PostgresServer implements AutoCloseable {

  static final String USER = "flowlake";
  static final String PASSWORD = "flowlake-test-pw";

  private final Path bin;
  private final Path home;
  private final int port;
  private final boolean asPostgresUser;

  private PostgresServer(Path bin, Path home, int port, boolean asPostgresUser) {
    this.bin = bin;
    this.home = home;
    this.port = port;
    this.asPostgresUser = asPostgresUser;
  }

  static PostgresServer start() throws Exception {
    Path bin =
        binaries()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "PostgreSQL's initdb and pg_ctl were not found (PATH or /usr/lib/postgresql/*/bin):"
                            + " bin/test installs them; or run apt-get install -y postgresql"));
    boolean root = "root".equals(System.getProperty("user.name"));
    Path home = Files.createTempDirectory("flowlake-pg-");
    Files.writeString(home.resolve("pwfile"), PASSWORD + "\n");
    if (root) {
      exec(List.of("chown", "-R", "postgres:postgres", home.toString()), home.resolve("chown.log"));
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    PostgresServer server = new PostgresServer(bin, home, port, root);
    try {
      server.pg(
          "initdb",
          "-D",
          home.resolve("data").toString(),
          "-U",
          USER,
          "--auth=scram-sha-256",
          "--pwfile=" + home.resolve("pwfile"),
          "--no-sync");
      server.pg(
          "pg_ctl",
          "-D",
          home.resolve("data").toString(),
          "-l",
          home.resolve("server.log").toString(),
          "-w",
          "-o",
          "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1 -c fsync=off",
          "start");
    } catch (Exception e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** A connection as the test's superuser. */
  Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), USER, PASSWORD);
  }

  String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  private void pg(String tool, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    if (asPostgresUser) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.add(bin.resolve(tool).toString());
    command.addAll(List.of(args));
    exec(command, home.resolve(tool + ".log"));
  }

  private static void exec(List<String> command, Path log) throws Exception {
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException(command + " did not finish in 2 minutes");
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          command + " failed (exit " + p.exitValue() + "): " + Files.readString(log));
    }
  }

  private static Optional<Path> binaries() throws IOException {
    List<Path> candidates = new ArrayList<>();
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      candidates.add(Path.of(dir));
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        versions.sorted(Comparator.reverseOrder()).forEach(v -> candidates.add(v.resolve("bin")));
      }
    }
    return candidates.stream()
        .filter(
            d -> Files.isExecutable(d.resolve("initdb")) && Files.isExecutable(d.resolve("pg_ctl")))
        .findFirst();
  }

  @Override
  public void close() throws Exception {
    if (Files.exists(home.resolve("data/postmaster.pid"))) {
      pg("pg_ctl", "-D", home.resolve("data").toString(), "-m", "immediate", "-w", "stop");
    }
    try (Stream<Path> files = Files.walk(home)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
