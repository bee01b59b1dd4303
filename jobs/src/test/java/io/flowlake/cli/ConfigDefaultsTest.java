package io.flowlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.testing.CliResult;
import io.flowlake.testing.InProcessCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Options from a config file and the environment: flag &gt; FLOWLAKE_&lt;OPTION&gt; &gt; file &gt;
 * default, checked by picocli before any Spark work.
 */
class ConfigDefaultsTest {

  @RegisterExtension final InProcessCli cli = new InProcessCli();
  @TempDir Path dir;

  private RunCommand parseRun(Map<String, String> env, String... args) {
    CommandLine cli = new CommandLine(new FlowlakeCli());
    cli.setDefaultValueProvider(ConfigDefaults.load(cli, env, args));
    cli.parseArgs(args);
    return cli.getSubcommands().get("run").getCommand();
  }

  private Path file(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void aFlagBeatsTheEnvironmentWhichBeatsTheFileWhichBeatsTheDefault() throws Exception {
    Path yaml =
        file(
            "flowlake.yaml",
            """
            api: http://127.0.0.1:8000
            lake: /data/from-file
            requests-per-hour: 100
            overlap: 20m
            run:
              max-rejects: 7
            """);
    Map<String, String> env =
        Map.of("FLOWLAKE_REQUESTS_PER_HOUR", "200", "FLOWLAKE_OVERLAP", "30m");

    RunCommand run = parseRun(env, "run", "--config", yaml.toString(), "--overlap", "5m");

    assertThat(run.apiOptions.api).isEqualTo("http://127.0.0.1:8000"); // file (a required option)
    assertThat(run.lakeOption.lake).isEqualTo("/data/from-file"); // file
    assertThat(run.apiOptions.requestsPerHour).isEqualTo(200); // environment over file
    assertThat(run.pullOptions.overlap).isEqualTo(Duration.ofMinutes(5)); // flag over both
    assertThat(run.maxRejects).isEqualTo(7L); // the run: section
    assertThat(run.apiOptions.maxAttempts).isEqualTo(5); // nobody set it: the default
  }

  @Test
  void aPropertiesFileWorksLikeYamlWithDottedCommandKeys() throws Exception {
    Path props =
        file(
            "flowlake.properties",
            "api=https://textit.com\nfull=true\nrun.max-rejects=3\npull.overlap=1h\n");

    RunCommand run = parseRun(Map.of(), "run", "--config=" + props);

    assertThat(run.apiOptions.api).isEqualTo("https://textit.com");
    assertThat(run.pullOptions.full).isTrue();
    assertThat(run.maxRejects).isEqualTo(3L);
    assertThat(run.pullOptions.overlap).isEqualTo(Duration.ofMinutes(10)); // pull's, not run's
  }

  @Test
  void theConfigFileCanBeNamedByTheEnvironment() throws Exception {
    Path yaml = file("env.yaml", "api: http://127.0.0.1:9\nlake: /data/env\n");

    RunCommand run = parseRun(Map.of("FLOWLAKE_CONFIG", yaml.toString()), "run");

    assertThat(run.lakeOption.lake).isEqualTo("/data/env");
  }

  @Test
  void anUnknownKeyIsAUsageErrorNamingIt() throws Exception {
    Path yaml = file("typo.yaml", "api: http://127.0.0.1:8000\nrequest-per-hour: 10\n");

    CliResult result = cli.run(Map.of(), "run", "--config", yaml.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("request-per-hour").contains("typo.yaml:2:");
    assertThat(result.lineCount()).isEqualTo(1);
  }

  @Test
  void anOptionOfAnotherCommandUnderACommandIsUnknownAtItsLine() throws Exception {
    Path yaml = file("wrong.yaml", "lake: /data\ntransform:\n  api: http://127.0.0.1:8000\n");

    CliResult result = cli.run(Map.of(), "transform", "--config", yaml.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("wrong.yaml:3:").contains("transform.api");
  }

  @Test
  void anUnknownPropertiesKeyIsNamedAtItsLine() throws Exception {
    Path props =
        file("typo.properties", "# comment\napi=http://127.0.0.1:8000\nrun.max-reject=3\n");

    CliResult result = cli.run(Map.of(), "run", "--config", props.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().strip())
        .isEqualTo(
            "flowlake run: "
                + props
                + ":3: unknown key 'run.max-reject' (no option --max-reject in flowlake run;"
                + " see docs/options.md)");
  }

  @Test
  void aTokenInTheFileIsRefusedWithoutEchoingIt() throws Exception {
    Path yaml = file("secret.yaml", "api: http://127.0.0.1:8000\ntoken: hunter2-secret\n");

    CliResult result = cli.run(Map.of(), "run", "--config", yaml.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("RAPIDPRO_TOKEN").doesNotContain("hunter2-secret");
    assertThat(result.lineCount()).isEqualTo(1);
  }

  @Test
  void aBadValueInTheFileIsAUsageErrorBeforeAnyWork() throws Exception {
    Path yaml =
        file(
            "bad.yaml",
            "api: http://127.0.0.1:8000\nlake: "
                + dir.resolve("lake")
                + "\noverlap: ten minutes\n");

    CliResult result = cli.run(Map.of(), "run", "--config", yaml.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().strip())
        .isEqualTo(
            "flowlake run: "
                + yaml
                + ":3: overlap must be a duration such as 90s, 10m, 1h or PT10M, got 'ten minutes'");
    assertThat(dir.resolve("lake")).doesNotExist();
  }

  @Test
  void aBrokenYamlFileIsNamedAtItsLineAndColumn() throws Exception {
    Path yaml = file("broken.yaml", "api: http://127.0.0.1:8000\nlake: x\n  bad: [\n");

    CliResult result = cli.run(Map.of(), "transform", "--config", yaml.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("flowlake transform: --config " + yaml + ":3:");
    assertThat(result.lineCount()).isEqualTo(1);
  }

  @Test
  void aBadValueInTheEnvironmentIsAUsageError() {
    CliResult result =
        cli.run(
            Map.of("FLOWLAKE_REQUESTS_PER_HOUR", "lots"),
            "run",
            "--api",
            "http://127.0.0.1:8000",
            "--lake",
            dir.resolve("lake").toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().strip())
        .isEqualTo(
            "flowlake run: FLOWLAKE_REQUESTS_PER_HOUR must be a positive whole number, got 'lots'");
  }

  @Test
  void aMissingConfigFileIsAUsageError() {
    CliResult result = cli.run(Map.of(), "run", "--config", dir.resolve("nope.yaml").toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("nope.yaml");
  }
}
