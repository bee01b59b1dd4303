package io.flowlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.flowlake.simulator.Fault;
import io.flowlake.simulator.Simulator;
import io.flowlake.testing.CliResult;
import io.flowlake.testing.InProcessCli;
import io.flowlake.testing.JsonStub;
import io.flowlake.testing.SharedSpark;
import io.flowlake.testing.SimulatorExtension;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad server answers and bad paths, through the command line as a scheduler runs it: one line that
 * says what failed, a non-zero exit code, and the lake exactly as it was.
 */
@ExtendWith(SharedSpark.class)
class PullFailuresTest {

  private static final SparkSession spark = SharedSpark.session();

  @RegisterExtension
  final SimulatorExtension simulator =
      SimulatorExtension.serving(Simulator.builder().runs(600).flows(3).seed(3));

  @RegisterExtension final InProcessCli cli = new InProcessCli();
  @TempDir Path dir;

  private CliResult pull(URI api, String token, Path lake, String... extra) {
    return command("pull", api, token, lake, extra);
  }

  private CliResult command(String name, URI api, String token, Path lake, String... extra) {
    List<String> args = new ArrayList<>(List.of(name, "--lake", lake.toString()));
    args.addAll(List.of(extra));
    return cli.against(api, token).run(args.toArray(String[]::new));
  }

  private long runs(Path lake) {
    return spark.read().format("delta").load(lake.resolve("runs").toString()).count();
  }

  @Test
  void aRejectedTokenIsAConfigurationErrorThatStopsAtOnceAndLeavesTheLakeAsItWas(Simulator sim)
      throws Exception {
    Path lake = dir.resolve("lake");
    assertThat(pull(sim.url(), sim.token(), lake).exitCode()).isZero();
    String state = Files.readString(lake.resolve("_state/state.json"));
    int requests = sim.requests().size();

    CliResult result = pull(sim.url(), "wrong-token-123", lake);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("token rejected").doesNotContain("wrong-token-123");
    assertThat(result.lineCount()).isEqualTo(1);
    assertThat(sim.requests().size()).isEqualTo(requests + 1); // a 403 is not retried
    assertThat(runs(lake)).isEqualTo(600);
    assertThat(Files.readString(lake.resolve("_state/state.json"))).isEqualTo(state);
  }

  @Test
  void anUnreachableHostIsNamed() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    CliResult result =
        pull(
            URI.create("http://127.0.0.1:" + closedPort),
            "t",
            dir.resolve("lake"),
            "--max-attempts",
            "1");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("127.0.0.1:" + closedPort);
    assertThat(result.lineCount()).isEqualTo(1);
  }

  @Test
  void aServerAnsweringHtmlFailsClearlyAfterItsAttempts(Simulator sim) {
    sim.faults().enqueue(5, Fault.htmlPage());
    CliResult result = pull(sim.url(), sim.token(), dir.resolve("lake"), "--max-attempts", "2");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("failed after 2 attempts");
    assertThat(result.lineCount()).isEqualTo(1);
  }

  @Test
  void aLakeThatCannotBeWrittenIsAConfigurationError(Simulator sim) throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
    CliResult result = pull(sim.url(), sim.token(), file.resolve("lake"));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("cannot write to the lake");
    assertThat(sim.requests().size()).isZero(); // refused before any request
  }

  /** A page of three runs whose second has a created_on no parser can read. */
  private static String pageWithOneBrokenRecord() {
    String good =
        "{\"uuid\":\"%s\",\"flow\":{\"uuid\":\"f0d3a9a2-8d83-4a3c-9a5c-1d1b0b2a7c11\",\"name\":\"Survey\"},"
            + "\"contact\":{\"uuid\":\"c1d3a9a2-8d83-4a3c-9a5c-1d1b0b2a7c11\",\"name\":\"Ann\",\"urn\":\"tel:+1\",\"urn_display\":\"1\"},"
            + "\"start\":null,\"responded\":true,\"path\":[],\"values\":{},"
            + "\"created_on\":\"%s\",\"modified_on\":\"2026-11-02T10:00:00.000001Z\",\"exited_on\":null,\"exit_type\":null}";
    return "{\"next\":null,\"previous\":null,\"results\":["
        + String.format(good, "a1a1a1a1-0000-4000-8000-000000000001", "2026-11-01T10:00:00Z")
        + ","
        + String.format(good, "a1a1a1a1-0000-4000-8000-000000000002", "yesterday at noon")
        + ","
        + String.format(good, "a1a1a1a1-0000-4000-8000-000000000003", "2026-11-01T11:00:00.5+00:00")
        + "]}";
  }

  /**
   * A RapidPro that answers every runs request with one page and has deleted no contact (a pull
   * always lists deletions, even with --no-contacts); flows.json lists no flow (the planner asks it
   * how many runs a full read meets), and no contacts: pull with --no-contacts.
   */
  private static HttpServer serveOnePage(String body) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    JsonStub.serve(server, "/api/v2/runs.json", body);
    JsonStub.serve(
        server, "/api/v2/contacts.json", "{\"next\":null,\"previous\":null,\"results\":[]}");
    JsonStub.serve(
        server, "/api/v2/flows.json", "{\"next\":null,\"previous\":null,\"results\":[]}");
    server.start();
    return server;
  }

  @Test
  void recordsThatCannotBeParsedGoToRejectsWithTheirRawTextAndThePullGoesOn() throws Exception {
    HttpServer server = serveOnePage(pageWithOneBrokenRecord());
    try {
      Path lake = dir.resolve("lake");
      CliResult result = pull(JsonStub.url(server), "secret-tok", lake, "--no-contacts");

      assertThat(result.exitCode()).isZero();
      assertThat(runs(lake)).isEqualTo(2);
      List<Row> rejects =
          spark.read().format("delta").load(lake.resolve("rejects").toString()).collectAsList();
      assertThat(rejects).hasSize(1);
      Row reject = rejects.get(0);
      assertThat(reject.<String>getAs("raw")).contains("yesterday at noon").startsWith("{\"uuid\"");
      assertThat(reject.<String>getAs("reason")).isNotBlank();
      assertThat(reject.<String>getAs("location"))
          .contains("/api/v2/runs.json")
          .doesNotContain("secret-tok");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aRunWithMoreRejectsThanAllowedExitsPartialYetKeepsWhatParsedAndBuildsTheMarts()
      throws Exception {
    HttpServer server = serveOnePage(pageWithOneBrokenRecord());
    try {
      Path lake = dir.resolve("lake");
      URI api = JsonStub.url(server);

      CliResult result =
          command("run", api, "secret-tok", lake, "--max-rejects", "0", "--no-contacts");

      assertThat(result.exitCode()).isEqualTo(ExitCodes.PARTIAL);
      assertThat(runs(lake)).isEqualTo(2);
      assertThat(
              spark
                  .read()
                  .format("delta")
                  .load(lake.resolve("marts/flow_summary").toString())
                  .first()
                  .<Long>getAs("runs"))
          .isEqualTo(2L);
      List<JsonNode> reports = RunReports.in(lake);
      assertThat(reports).hasSize(1);
      JsonNode report = reports.get(0);
      assertThat(report.get("outcome").asText()).isEqualTo("partial");
      assertThat(report.get("exit_code").asInt()).isEqualTo(ExitCodes.PARTIAL);
      assertThat(report.at("/pull/rejects").asLong()).isEqualTo(1);
      assertThat(report.at("/pull/max_rejects").asLong()).isZero();

      // the same reject within the limit is no longer partial: the re-run finds nothing new
      CliResult within =
          command("run", api, "secret-tok", lake, "--max-rejects", "1", "--no-contacts");
      assertThat(within.exitCode()).isEqualTo(ExitCodes.NOTHING_NEW);
    } finally {
      server.stop(0);
    }
  }
}
