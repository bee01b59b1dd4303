package io.flowlake.demo;

import io.flowlake.cli.ConfigOption;
import io.flowlake.simulator.Simulator;
import io.flowlake.simulator.SimulatorOptions;
import java.io.PrintWriter;
import java.net.BindException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code flowlake simulate}: serves a generated RapidPro workspace until killed. */
@Command(
    name = "simulate",
    description =
        "Serve a simulated RapidPro / TextIt workspace on 127.0.0.1 (runs.json, flows.json), "
            + "for demos and for trying pulls without a real server.")
public final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin ConfigOption configOption;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  @Option(
      names = "--port",
      paramLabel = "P",
      defaultValue = "8000",
      description = "Port on 127.0.0.1; 0 = any free port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "50000",
      description = "Runs to generate (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--flows",
      paramLabel = "F",
      defaultValue = "8",
      description = "Flows to generate (default: ${DEFAULT-VALUE}).")
  int flows;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      defaultValue = "42",
      description = "Seed: the same seed gives the same workspace (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--latency-ms",
      paramLabel = "MS",
      defaultValue = "0",
      description = "Delay before each answer, in ms (default: ${DEFAULT-VALUE}).")
  long latencyMs;

  @Option(
      names = "--requests-per-hour",
      paramLabel = "R",
      defaultValue = "0",
      description =
          "Throttle like RapidPro (3600 on TextIt); 0 = unlimited (default: ${DEFAULT-VALUE}).")
  int requestsPerHour;

  @Option(
      names = "--token",
      paramLabel = "T",
      defaultValue = SimulatorOptions.DEFAULT_TOKEN,
      description = "The fake API token clients must send (default: ${DEFAULT-VALUE}).")
  String token;

  @Option(names = "--anonymous", description = "Mask URNs, as an anonymous workspace does.")
  boolean anonymous;

  @Option(
      names = "--modify-every-seconds",
      paramLabel = "S",
      defaultValue = "0",
      description =
          "Change runs every S seconds, for trying incremental pulls; 0 = never (default: ${DEFAULT-VALUE}).")
  long modifyEverySeconds;

  @Option(
      names = "--modify-count",
      paramLabel = "K",
      defaultValue = "100",
      description = "Runs changed each time (default: ${DEFAULT-VALUE}).")
  int modifyCount;

  @Option(
      names = "--retention-days",
      paramLabel = "D",
      defaultValue = "0",
      description =
          "Serve runs last modified over D days ago only as run archives, like rp-archiver;"
              + " 0 = none archived (default: ${DEFAULT-VALUE}).")
  int retentionDays;

  @Option(
      names = "--replica-lag-seconds",
      paramLabel = "S",
      defaultValue = "0",
      description =
          "Serve runs.json from a replica that gets each write up to S seconds late, out of"
              + " order, as RapidPro's does; 0 = no lag (default: ${DEFAULT-VALUE}).")
  long replicaLagSeconds;

  @Override
  public Integer call() throws Exception {
    validate();
    Simulator simulator;
    try {
      simulator =
          Simulator.builder()
              .seed(seed)
              .runs(runs)
              .flows(flows)
              .anonymous(anonymous)
              .options(new SimulatorOptions(port, token, latencyMs, requestsPerHour, true))
              .retentionDays(retentionDays)
              .replicaLag(Duration.ofSeconds(replicaLagSeconds))
              .start();
    } catch (BindException e) {
      spec.commandLine()
          .getErr()
          .println(
              "simulate: port "
                  + port
                  + " is in use on 127.0.0.1; pick another with --port (0 = any free port)");
      return 1;
    }
    try (simulator) {
      if (modifyEverySeconds > 0) {
        simulator.changeRunsEvery(Duration.ofSeconds(modifyEverySeconds), modifyCount);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          "RAPIDPRO_TOKEN="
              + token
              + " bin/flowlake pull --api "
              + simulator.url()
              + " --lake DIR");
      out.flush();
      new CountDownLatch(1).await(); // serve until the process is killed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private void validate() {
    require(port >= 0 && port <= 65_535, "--port must be 0-65535, got " + port);
    require(runs >= 0, "--runs cannot be negative, got " + runs);
    require(flows >= 1, "--flows must be at least 1, got " + flows);
    require(latencyMs >= 0, "--latency-ms cannot be negative, got " + latencyMs);
    require(requestsPerHour >= 0, "--requests-per-hour cannot be negative, got " + requestsPerHour);
    require(
        modifyEverySeconds >= 0,
        "--modify-every-seconds cannot be negative, got " + modifyEverySeconds);
    require(retentionDays >= 0, "--retention-days cannot be negative, got " + retentionDays);
    require(
        replicaLagSeconds >= 0,
        "--replica-lag-seconds cannot be negative, got " + replicaLagSeconds);
    require(modifyCount >= 1, "--modify-count must be at least 1, got " + modifyCount);
    require(
        !token.isBlank() && token.chars().noneMatch(Character::isWhitespace),
        "--token must be non-empty and without spaces");
  }

  private void require(boolean ok, String message) {
    if (!ok) {
      throw new ParameterException(spec.commandLine(), message);
    }
  }
}
