package io.flowlake.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimulateCommandTest {
  private static final Pattern LINE =
      Pattern.compile("RAPIDPRO_TOKEN=(\\S+) bin/flowlake pull --api (\\S+) --lake DIR\\R?");

  @Test
  void printsTheLineToUseAndServesUntilStopped() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine command = new CommandLine(new SimulateCommand());
    command.setOut(new PrintWriter(out, true));
    AtomicInteger exit = new AtomicInteger(-1);
    Thread serving =
        new Thread(
            () ->
                exit.set(
                    command.execute(
                        "--port", "0", "--runs", "300", "--flows", "2", "--token", "t0k")));
    serving.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!out.toString().contains("--lake DIR") && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }

    Matcher line = LINE.matcher(out.toString());
    assertThat(line.matches()).as(out.toString()).isTrue();
    HttpResponse<String> runs =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(line.group(2) + "/api/v2/runs.json"))
                    .header("Authorization", "Token " + line.group(1))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(line.group(1)).isEqualTo("t0k");
    assertThat(runs.statusCode()).isEqualTo(200);

    serving.interrupt();
    serving.join(10_000);
    assertThat(exit.get()).isZero();
  }

  @Test
  void badOptionsEndInAOneLineErrorAndAUsageExitCode() {
    StringWriter err = new StringWriter();
    CommandLine command = new CommandLine(new SimulateCommand());
    command.setErr(new PrintWriter(err, true));

    int exit = command.execute("--runs", "-5");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).startsWith("--runs cannot be negative, got -5");
  }

  @Test
  void aNegativeReplicaLagIsRefusedInOneLine() {
    StringWriter err = new StringWriter();
    CommandLine command = new CommandLine(new SimulateCommand());
    command.setErr(new PrintWriter(err, true));

    int exit = command.execute("--replica-lag-seconds", "-3");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).startsWith("--replica-lag-seconds cannot be negative, got -3");
  }
}
