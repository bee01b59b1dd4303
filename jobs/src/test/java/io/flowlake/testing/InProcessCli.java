package io.flowlake.testing;

import io.flowlake.cli.FlowlakeCli;
import io.flowlake.simulator.Simulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import picocli.CommandLine;
import scala.runtime.AbstractFunction0;

/**
 * Runs flowlake command lines as a scheduler would, for tests ({@code @RegisterExtension}): in this
 * JVM ({@link #run}), keeping the exit code, the error lines and what the command printed; or in a
 * JVM of its own ({@link #start}), to hold a lock or be killed.
 *
 * <p>An in-process command works in the JVM's {@link SharedSpark} session (started first, so the
 * command neither opens nor stops one). Standard output is captured for the command's duration
 * only, so tests using this extension must not run concurrently in one JVM.
 *
 * <p>{@link #against} adds the API options a pull needs: the API, its token (in a file, as the
 * README advises) and unthrottled pacing, since no test here is about the client's pace.
 */
public final class InProcessCli implements AfterEachCallback, AfterAllCallback {

  /** Requests per hour for tests: pacing never waits, the simulator throttles if asked to. */
  public static final String UNPACED = "3600000";

  private final List<Path> files = new ArrayList<>();
  private final List<Process> processes = new ArrayList<>();
  private final Supplier<CommandLine> commands;

  /** flowlake's own commands (the spark-submit jar's). */
  public InProcessCli() {
    this(FlowlakeCli::commandLine);
  }

  /** Another command line, such as the local launcher's (its commands plus demo and simulate). */
  public InProcessCli(Supplier<CommandLine> commands) {
    this.commands = commands;
  }

  /** Runs a command line in this JVM with this process's environment. */
  public CliResult run(String... args) {
    return run(System.getenv(), args);
  }

  /** Runs a command line in this JVM with this environment in place of the process's. */
  public CliResult run(Map<String, String> env, String... args) {
    SharedSpark.session();
    StringWriter err = new StringWriter();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    int code;
    PrintStream captured = new PrintStream(out, true, StandardCharsets.UTF_8);
    System.setOut(captured);
    try {
      // Scala code (Spark, Delta) prints through scala.Console, which kept the System.out of its
      // first use: capture that too, so a test sees every line a user would.
      code =
          scala.Console.withOut(
              captured,
              new AbstractFunction0<Integer>() {
                @Override
                public Integer apply() {
                  return FlowlakeCli.execute(commands.get(), new PrintWriter(err, true), env, args);
                }
              });
    } finally {
      System.setOut(stdout);
    }
    return new CliResult(code, err.toString(), out.toString(StandardCharsets.UTF_8));
  }

  /**
   * The command in a JVM of its own (flowlake's main, this classpath, the test JVM's flags and
   * Spark settings), its output in {@code log}. Killed at the end of the test if it is still
   * running.
   */
  public Process start(Path log, String... args) {
    return start(log, Map.of(), args);
  }

  /** As {@link #start(Path, String...)}, with {@code env} added to this process's environment. */
  public Process start(Path log, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(System.getProperty("flowlake.jvm.flags", "").trim().split("\\s+")));
    // Spark set up as the tests' own session is (SharedSpark), as spark-submit would pass it
    SharedSpark.SETTINGS.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), FlowlakeCli.class.getName()));
    command.addAll(Arrays.asList(args));
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(env);
      Process process = builder.start();
      synchronized (processes) {
        processes.add(process);
      }
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + command.get(0), e);
    }
  }

  /** Commands against this simulator, with its token. */
  public Api against(Simulator sim) {
    return against(sim.url(), sim.token());
  }

  /** Commands against any API (a stub server, a closed port) with this token. */
  public Api against(URI api, String token) {
    return new Api(api, tokenFile(token));
  }

  /**
   * Commands with their API options added, and the contacts' budget unpaced too: through the
   * environment ({@code FLOWLAKE_CONTACTS_REQUESTS_PER_HOUR}), which only the commands that read
   * contacts take, and which a flag still overrides. Budgets are shared JVM-wide ({@code
   * SharedBudgets}), so at the default 3,600 an hour every in-process run after the first waited up
   * to a second per contacts request (a no-op run took 1 s instead of 0.1 s).
   */
  public final class Api {
    private static final Map<String, String> UNPACED_CONTACTS =
        Map.of("FLOWLAKE_CONTACTS_REQUESTS_PER_HOUR", UNPACED);

    private final List<String> options;

    private Api(URI api, Path tokenFile) {
      options =
          List.of(
              "--api",
              api.toString(),
              "--token-file",
              tokenFile.toString(),
              "--requests-per-hour",
              UNPACED);
    }

    /** {@link InProcessCli#run}, with the API options after the given ones. */
    public CliResult run(String... args) {
      Map<String, String> env = new HashMap<>(System.getenv());
      env.putAll(UNPACED_CONTACTS);
      return InProcessCli.this.run(env, withApi(args));
    }

    /** {@link InProcessCli#start}, with the API options after the given ones. */
    public Process start(Path log, String... args) {
      return InProcessCli.this.start(log, UNPACED_CONTACTS, withApi(args));
    }

    private String[] withApi(String... args) {
      return Stream.concat(Arrays.stream(args), options.stream()).toArray(String[]::new);
    }
  }

  private Path tokenFile(String token) {
    try {
      Path file = Files.createTempFile("flowlake-test-token", "");
      synchronized (files) {
        files.add(file);
      }
      return Files.writeString(file, token);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    cleanUp();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    cleanUp();
  }

  private void cleanUp() throws IOException {
    synchronized (processes) {
      for (Process process : processes) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
      processes.clear();
    }
    synchronized (files) {
      for (Path file : files) {
        Files.deleteIfExists(file);
      }
      files.clear();
    }
  }
}
