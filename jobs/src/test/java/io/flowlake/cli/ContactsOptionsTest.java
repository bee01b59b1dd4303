package io.flowlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.simulator.Simulator;
import io.flowlake.testing.CliResult;
import io.flowlake.testing.InProcessCli;
import io.flowlake.testing.SharedSpark;
import io.flowlake.testing.SimulatorExtension;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code --contact-fields} and {@code --no-contacts} as a scheduler passes them. */
@ExtendWith(SharedSpark.class)
class ContactsOptionsTest {

  private static final SparkSession spark = SharedSpark.session();

  /** 30 runs: 11 contacts. */
  @RegisterExtension
  static final SimulatorExtension simulator =
      SimulatorExtension.serving(Simulator.builder().runs(30).flows(1).seed(5));

  @RegisterExtension final InProcessCli cli = new InProcessCli();
  @TempDir Path dir;

  private CliResult pull(Path lake, String... extra) {
    String[] args = new String[extra.length + 3];
    args[0] = "pull";
    args[1] = "--lake";
    args[2] = lake.toString();
    System.arraycopy(extra, 0, args, 3, extra.length);
    return cli.against(simulator.get()).run(args);
  }

  @Test
  void aListThatIsNotFieldKeysExitsTwoWithOneLineBeforeAnyRequest(Simulator sim) {
    int requests = sim.requests().size();
    CliResult result = pull(dir.resolve("lake"), "--contact-fields", "gender,,born");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.lineCount()).isEqualTo(1);
    assertThat(result.err()).contains("--contact-fields 'gender,,born'").contains("'*'");
    assertThat(sim.requests().size()).isEqualTo(requests);
    assertThat(dir.resolve("lake")).doesNotExist();
  }

  @Test
  void aKeyTheWorkspaceLacksExitsTwoNamingTheClosestKeyBeforeAnyWrite() {
    Path lake = dir.resolve("lake");
    CliResult result = pull(lake, "--contact-fields", "gender,distrct");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.lineCount()).isEqualTo(1);
    assertThat(result.err()).contains("'distrct'").contains("did you mean 'district'?");
    assertThat(lake.resolve("runs")).doesNotExist();
    assertThat(lake.resolve("contacts")).doesNotExist();
  }

  @Test
  void contactsLandByDefaultWithNoFieldNameOrUrnAndNoContactsSkipsThem(Simulator sim) {
    Path lake = dir.resolve("lake");
    CliResult skipped = pull(lake, "--no-contacts");
    assertThat(skipped.exitCode()).isZero();
    assertThat(skipped.out()).doesNotContain("contacts:");
    assertThat(lake.resolve("contacts")).doesNotExist();
    // only the deleted listing, which every pull reads (docs/erasure.md): no contact, field, group
    assertThat(sim.requests().all())
        .filteredOn(r -> r.pathAndQuery().matches("/api/v2/(contacts|fields|groups)\\.json.*"))
        .isNotEmpty()
        .allMatch(r -> r.pathAndQuery().startsWith("/api/v2/contacts.json?"))
        .allMatch(r -> r.pathAndQuery().contains("deleted=true"));

    CliResult pulled = pull(lake);
    long people = sim.workspace().contactSnapshot().stream().filter(c -> !c.deleted()).count();
    assertThat(pulled.exitCode()).isZero();
    assertThat(pulled.out()).contains("contacts: " + people + " landed");
    Dataset<Row> contacts = spark.read().format("delta").load(lake.resolve("contacts").toString());
    assertThat(contacts.count()).isEqualTo(people);
    assertThat(contacts.where("size(fields) > 0 or name is not null or size(urns) > 0").count())
        .isZero();
  }
}
