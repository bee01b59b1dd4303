package io.flowlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.flowlake.simulator.Fault;
import io.flowlake.simulator.Simulator;
import io.flowlake.testing.CliResult;
import io.flowlake.testing.InProcessCli;
import io.flowlake.testing.JsonStub;
import io.flowlake.testing.LakeFingerprint;
import io.flowlake.testing.SharedSpark;
import io.flowlake.testing.SimulatorExtension;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad input a user or a server can give, against one healthy lake: each ends with its exit
 * code, exactly one line naming what to fix, and the lake's files byte for byte as they were.
 * Server failures go through {@code pull}, which writes no run report, so "as they were" holds for
 * every file under the lake, {@code _state} and {@code _delta_log} included.
 */
@ExtendWith(SharedSpark.class)
class BadInputsIT {

  @RegisterExtension
  final SimulatorExtension simulator =
      SimulatorExtension.serving(Simulator.builder().runs(300).flows(3).seed(16));

  @RegisterExtension final InProcessCli cli = new InProcessCli();
  @TempDir Path dir;

  /** One bad input: what runs, and what the user must see. */
  private record Case(String name, Supplier<CliResult> command, int exitCode, String says) {}

  @Test
  void everyBadInputExitsWithOneLineAndLeavesTheLakeByteForByteAsItWas(Simulator sim)
      throws Exception {
    Path lake = dir.resolve("lake");
    assertThat(cli.against(sim).run("run", "--lake", lake.toString()).exitCode()).isZero();
    Map<String, String> before = LakeFingerprint.of(lake);
    int requestsBefore = sim.requests().size();
    String at = lake.toString();
    int closedPort = closedPort();
    Path notAFolder = Files.writeString(dir.resolve("not-a-folder"), "x");
    Path missingLake = dir.resolve("missing-lake");
    Path brokenYaml = Files.writeString(dir.resolve("broken.yaml"), "run:\n  lake: x\n   : [\n");
    Path badValueYaml =
        Files.writeString(dir.resolve("bad-value.yaml"), "run:\n  requests-per-hour: lots\n");
    HttpServer foreignNext = serveFirstPageLinkingTo("http://elsewhere.example.org");

    List<Case> cases = new ArrayList<>();
    try {
      cases.add(
          new Case(
              "a flag nobody declared",
              () -> cli.against(sim).run("pull", "--lake", at, "--aftr", "2026-01-01"),
              2,
              "'--aftr'"));
      cases.add(
          new Case(
              "zero parallelism",
              () -> cli.against(sim).run("pull", "--lake", at, "--parallelism", "0"),
              2,
              "'--parallelism'"));
      cases.add(
          new Case(
              "zero requests per hour, named as typed",
              () ->
                  cli.run(
                      "pull",
                      "--lake",
                      at,
                      "--api",
                      sim.url().toString(),
                      "--requests-per-hour",
                      "0"),
              2,
              "'--requests-per-hour'"));
      cases.add(
          new Case(
              "an endpoint given as the API",
              () ->
                  cli.against(URI.create(sim.url() + "/api/v2/runs.json"), sim.token())
                      .run("pull", "--lake", at),
              2,
              "--api"));
      cases.add(
          new Case(
              "a rejected token",
              () -> cli.against(sim.url(), "not-the-token").run("pull", "--lake", at),
              2,
              "token rejected"));
      cases.add(
          new Case(
              "a segment field the lake does not keep",
              () -> cli.run("transform", "--lake", at, "--segment-by", "no_such_field"),
              2,
              "no_such_field"));
      cases.add(
          new Case(
              "broken YAML, named at its line and column",
              () -> cli.run("transform", "--lake", at, "--config", brokenYaml.toString()),
              2,
              "broken.yaml:2:10:"));
      cases.add(
          new Case(
              "a bad value in the config file, named at its line",
              () -> cli.against(sim).run("run", "--lake", at, "--config", badValueYaml.toString()),
              2,
              "bad-value.yaml:2"));
      cases.add(
          new Case(
              "a bad value in the environment, named as the variable",
              () ->
                  cli.run(
                      Map.of("FLOWLAKE_REQUESTS_PER_HOUR", "lots"),
                      "pull",
                      "--lake",
                      at,
                      "--api",
                      sim.url().toString()),
              2,
              "FLOWLAKE_REQUESTS_PER_HOUR"));
      cases.add(
          new Case(
              "a lake under a file",
              () -> cli.against(sim).run("pull", "--lake", notAFolder.resolve("lake").toString()),
              2,
              "cannot write to the lake"));
      cases.add(
          new Case(
              "transform of a lake that does not exist",
              () -> cli.run("transform", "--lake", missingLake.toString()),
              2,
              missingLake.toString()));
      cases.add(
          new Case(
              "an unreachable API, named by host",
              () ->
                  cli.against(URI.create("http://127.0.0.1:" + closedPort), sim.token())
                      .run("pull", "--lake", at, "--max-attempts", "1"),
              1,
              "127.0.0.1:" + closedPort));
      cases.add(
          new Case(
              "a server answering HTML",
              () -> {
                sim.faults().enqueue(5, Fault.htmlPage());
                return cli.against(sim).run("pull", "--lake", at, "--max-attempts", "2");
              },
              1,
              "failed after 2 attempts"));
      cases.add(
          new Case(
              "a next link to another host",
              () ->
                  cli.against(JsonStub.url(foreignNext), sim.token())
                      .run("pull", "--lake", at, "--no-contacts", "--full"),
              1,
              "elsewhere.example.org"));
      cases.add(
          new Case(
              "an unreachable warehouse, named by host",
              () ->
                  cli.run(
                      "export",
                      "--lake",
                      at,
                      "--jdbc-url",
                      "jdbc:postgresql://127.0.0.1:" + closedPort + "/warehouse",
                      "--tables",
                      "marts"),
              1,
              "127.0.0.1:" + closedPort));

      SoftAssertions softly = new SoftAssertions();
      for (Case bad : cases) {
        CliResult result = bad.command().get();
        softly
            .assertThat(result.exitCode())
            .as(bad.name() + ": exit code")
            .isEqualTo(bad.exitCode());
        softly.assertThat(result.err()).as(bad.name() + ": the line").contains(bad.says());
        softly.assertThat(result.err()).as(bad.name() + ": the prefix").startsWith("flowlake ");
        softly.assertThat(result.lineCount()).as(bad.name() + ": lines: " + result.err()).isOne();
        softly
            .assertThat(LakeFingerprint.of(lake))
            .as(bad.name() + ": the lake's files")
            .isEqualTo(before);
      }
      softly
          .assertThat(Files.exists(missingLake))
          .as("transform created the missing lake")
          .isFalse();
      softly.assertAll();
    } finally {
      foreignNext.stop(0);
    }
    assertThat(sim.requests().size()).isGreaterThan(requestsBefore); // the server cases did ask
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * A RapidPro whose first runs page links its next page on another host: flowlake must not send
   * the token there. The page holds no run, so nothing could be merged before the refusal anyway.
   */
  private static HttpServer serveFirstPageLinkingTo(String host) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String empty = "{\"next\":null,\"previous\":null,\"results\":[]}";
    JsonStub.serve(
        server,
        "/api/v2/runs.json",
        "{\"next\":\"" + host + "/api/v2/runs.json?cursor=abc\",\"previous\":null,\"results\":[]}");
    JsonStub.serve(server, "/api/v2/contacts.json", empty);
    JsonStub.serve(server, "/api/v2/flows.json", empty);
    server.start();
    return server;
  }
}
