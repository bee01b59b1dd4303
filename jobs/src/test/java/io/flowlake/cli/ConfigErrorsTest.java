package io.flowlake.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.flowlake.testing.CliResult;
import io.flowlake.testing.InProcessCli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad flags and configuration end before any Spark work or request, with exit code 2 and one line
 * that says what to fix.
 */
class ConfigErrorsTest {

  @RegisterExtension final InProcessCli cli = new InProcessCli();

  @TempDir Path dir;

  private Path tokenFile() throws Exception {
    Path file = dir.resolve("token");
    Files.writeString(file, "abc123\n");
    return file;
  }

  @Test
  void apiWithoutASchemeIsAUsageError() throws Exception {
    CliResult result =
        cli.run(
            "pull",
            "--api",
            "127.0.0.1:8000",
            "--token-file",
            tokenFile().toString(),
            "--lake",
            dir.toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("127.0.0.1:8000").contains("scheme");
    assertThat(result.lineCount()).isEqualTo(1);
  }

  @Test
  void aMissingTokenSaysWhereToPutIt() {
    assumeTrue(
        System.getenv("RAPIDPRO_TOKEN") == null, "RAPIDPRO_TOKEN is set in this environment");
    CliResult result = cli.run("pull", "--api", "http://127.0.0.1:8000", "--lake", dir.toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("RAPIDPRO_TOKEN").contains("--token-file");
    assertThat(result.lineCount()).isEqualTo(1);
  }

  @Test
  void aTokenOnTheCommandLineIsRefusedWithoutEchoingIt() {
    CliResult result =
        cli.run(
            "pull",
            "--api",
            "http://127.0.0.1:8000",
            "--token",
            "hunter2-secret",
            "--lake",
            dir.toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("RAPIDPRO_TOKEN").doesNotContain("hunter2-secret");
  }

  @Test
  void plainHttpToARemoteHostNeedsConsent() throws Exception {
    CliResult result =
        cli.run(
            "pull",
            "--api",
            "http://rapidpro.example.org",
            "--token-file",
            tokenFile().toString(),
            "--lake",
            dir.toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--allow-insecure-http");
  }

  @Test
  void anUnreadableTokenFileIsNamed() {
    CliResult result =
        cli.run(
            "pull",
            "--api",
            "http://127.0.0.1:8000",
            "--token-file",
            dir.resolve("nope").toString(),
            "--lake",
            dir.toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("nope");
  }

  @Test
  void aMalformedDurationIsAUsageError() throws Exception {
    CliResult result =
        cli.run(
            "pull",
            "--api",
            "http://127.0.0.1:8000",
            "--overlap",
            "ten minutes",
            "--token-file",
            tokenFile().toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("ten minutes");
  }

  @Test
  void anUnknownFlagIsOneLineNamingIt() throws Exception {
    CliResult result =
        cli.run(
            "pull",
            "--api",
            "http://127.0.0.1:8000",
            "--aftr",
            "2026-01-01T00:00:00Z",
            "--token-file",
            tokenFile().toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("'--aftr'");
    assertThat(result.lineCount()).isEqualTo(1);
  }

  @Test
  void aBadNumberIsRefusedUnderTheFlagAsTyped() throws Exception {
    CliResult result =
        cli.run(
            "pull",
            "--api",
            "http://127.0.0.1:8000",
            "--requests-per-hour",
            "0",
            "--token-file",
            tokenFile().toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("flowlake pull: ")
        .contains("'--requests-per-hour'")
        .contains("must be a positive whole number, got '0'")
        .doesNotContain("requestsPerHour");
    assertThat(result.lineCount()).isEqualTo(1);
  }

  @Test
  void anEndpointGivenAsTheApiIsRefusedWithTheBaseUrl() throws Exception {
    CliResult result =
        cli.run(
            "pull",
            "--api",
            "https://rapidpro.example.org/api/v2/runs.json",
            "--token-file",
            tokenFile().toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("e.g. https://rapidpro.example.org");
    assertThat(result.lineCount()).isEqualTo(1);
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    assertThat(cli.run("pul").exitCode()).isEqualTo(2);
  }
}
