package io.flowlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.simulator.Simulator;
import io.flowlake.testing.CliResult;
import io.flowlake.testing.InProcessCli;
import io.flowlake.testing.SimulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad {@code --segment-by} and {@code --segment-bands} values exit 2 with one line, before Spark
 * starts and before any request, on {@code run} and {@code transform}.
 */
class SegmentOptionsTest {

  @RegisterExtension
  static final SimulatorExtension simulator =
      SimulatorExtension.serving(Simulator.builder().runs(10).flows(1).seed(6));

  @RegisterExtension final InProcessCli cli = new InProcessCli();
  @TempDir Path dir;

  /** A lake whose last contacts landing kept gender (text) and born (number). */
  private Path lakeKeepingGenderAndBorn() throws IOException {
    Path lake = dir.resolve("lake");
    Files.createDirectories(lake.resolve("_state"));
    Files.writeString(
        lake.resolve("_state/contacts.json"),
        "{\"watermark\":\"2024-01-01T00:00:00Z\",\"t0\":\"2024-01-01T00:00:00Z\","
            + "\"fields\":\"gender,born\",\"field_types\":{\"gender\":\"text\",\"born\":\"number\"}}");
    return lake;
  }

  private CliResult run(Path lake, String... extra) {
    String[] args = new String[extra.length + 5];
    args[0] = "run";
    args[1] = "--lake";
    args[2] = lake.toString();
    args[3] = "--contact-fields";
    args[4] = "gender,born";
    System.arraycopy(extra, 0, args, 5, extra.length);
    return cli.against(simulator.get()).run(args);
  }

  @Test
  void badDimensionsOrBandsExitTwoWithOneLineBeforeAnyRequest(Simulator sim) throws IOException {
    Path lake = lakeKeepingGenderAndBorn();
    int requests = sim.requests().size();

    assertRefused(
        run(lake, "--segment-by", "gender,district"),
        "'district' is not a contact field this lake keeps (kept: born,gender)");
    assertRefused(
        run(lake, "--segment-by", "gender", "--segment-bands", "gender=1-2"),
        "'gender' is a text field");
    assertRefused(
        run(lake, "--segment-by", "born:age", "--segment-bands", "age=0-19,15-24"),
        "bands 0-19 and 15-24 overlap");
    assertRefused(run(lake, "--segment-by", "born"), "a number field needs bands");

    assertThat(sim.requests().size()).as("requests").isEqualTo(requests);
    assertThat(lake.resolve("runs")).doesNotExist();
  }

  @Test
  void aLakesFirstRunChecksTypesWithOneFieldsRequestBeforeAnyRunsRequest(Simulator sim) {
    Path lake = dir.resolve("new-lake");
    int requests = sim.requests().size();

    assertRefused(
        run(lake, "--segment-by", "gender", "--segment-bands", "gender=1-2"),
        "'gender' is a text field");

    assertThat(sim.requests().all().subList(requests, sim.requests().size()))
        .extracting(r -> r.pathAndQuery().replaceFirst("\\?.*", ""))
        .containsExactly("/api/v2/fields.json");
    assertThat(lake).doesNotExist();
  }

  @Test
  void transformChecksAgainstTheFieldsTheLakeKeeps() throws IOException {
    Path lake = lakeKeepingGenderAndBorn();

    assertRefused(
        cli.run("transform", "--lake", lake.toString(), "--segment-by", "gender,ward"),
        "'ward' is not a contact field this lake keeps (kept: born,gender)");
    assertRefused(
        cli.run("transform", "--lake", lake.toString(), "--segment-by", "gender:age"),
        "'gender' is a text field; an age needs a number");
  }

  private static void assertRefused(CliResult result, String message) {
    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertThat(result.lineCount()).as(result.err()).isEqualTo(1);
    assertThat(result.err()).contains(message);
  }
}
