package io.flowlake.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.api.Contact;
import io.flowlake.api.RunRecord;
import io.flowlake.simulator.Simulator;
import io.flowlake.testing.CliResult;
import io.flowlake.testing.InProcessCli;
import io.flowlake.testing.RawBytesScan;
import io.flowlake.testing.SharedSpark;
import io.flowlake.testing.SimulatorExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --personal-data} end to end, as a schedule runs flowlake: what reaches the disk and the
 * output under each policy (scanned as raw bytes, Parquet written uncompressed so the scan can
 * see), the keyed hash's stability, and the refusals that leave a lake as it was.
 */
@ExtendWith(SharedSpark.class)
class PersonalDataPolicyIT {

  private static final SparkSession spark = SharedSpark.session();

  @RegisterExtension
  static final SimulatorExtension simulators =
      SimulatorExtension.serving(Simulator.builder().runs(80).flows(2).seed(1313));

  @RegisterExtension final InProcessCli cli = new InProcessCli();
  @TempDir Path dir;

  @Test
  void underDropAndHashNoNameOrUrnReachesTheLakeTheExportOrTheOutputWhileKeepKeepsThem()
      throws Exception {
    Simulator sim = simulators.get();
    List<String> people = people(sim);
    Map<String, String> keyInEnv = new HashMap<>(System.getenv());
    keyInEnv.put("FLOWLAKE_PII_KEY", "a-test-key");

    RawBytesScan keep = runAndExport(sim, "keep", System.getenv(), people);
    RawBytesScan drop = runAndExport(sim, "drop", System.getenv(), people);
    RawBytesScan hash = runAndExport(sim, "hash", keyInEnv, people);

    // the scan can fail: under keep it finds names, URNs and bare numbers on disk and in exports
    Contact someone = contactWithNameAndUrn(sim);
    assertThat(keep.stringsFound())
        .contains(
            someone.name(), someone.urn(), someone.urn().substring(someone.urn().indexOf(':') + 1));
    assertThat(keep.found()).anyMatch(f -> f.contains(" in export/"));
    assertThat(drop.found()).isEmpty();
    assertThat(hash.found()).isEmpty();
    assertThat(drop.filesScanned()).isGreaterThan(20);
    assertThat(hash.filesScanned()).isGreaterThan(20);
  }

  @Test
  void hashIsStableUnderOneKeyDiffersUnderAnotherAndAnotherPolicyOrKeyIsRefusedLeavingTheLake()
      throws Exception {
    Simulator sim = simulators.get();
    Path key = Files.writeString(dir.resolve("key"), "first-key\n");
    Path otherKey = Files.writeString(dir.resolve("other-key"), "second-key");
    Path lake = dir.resolve("lake");
    Path other = dir.resolve("other-lake");

    assertOk(pull(sim, lake, "--personal-data", "hash", "--pii-key-file", key.toString()));
    Map<String, String> first = urnsByRun(lake);
    assertOk(
        pull(sim, lake, "--personal-data", "hash", "--pii-key-file", key.toString(), "--full"));
    Map<String, String> again = urnsByRun(lake);
    assertOk(pull(sim, other, "--personal-data", "hash", "--pii-key-file", otherKey.toString()));
    Map<String, String> underOtherKey = urnsByRun(other);

    Map<String, String> truth = truthUrnsByRun(sim);
    assertThat(first).isEqualTo(again).isEqualTo(hashed(truth, "first-key"));
    assertThat(underOtherKey).isEqualTo(hashed(truth, "second-key"));
    assertThat(first.values()).filteredOn(v -> v != null).isNotEmpty();

    Map<String, String> before = snapshot(lake);
    CliResult otherPolicy = pull(sim, lake, "--personal-data", "drop");
    CliResult anotherKey =
        run(sim, lake, "--personal-data", "hash", "--pii-key-file", otherKey.toString());
    CliResult noKey = run(sim, lake, "--personal-data", "hash");

    assertThat(otherPolicy.exitCode()).isEqualTo(2);
    assertThat(otherPolicy.err().strip())
        .isEqualTo(
            "flowlake pull: this lake keeps personal data as 'hash'; run with --personal-data"
                + " hash, or pull into a new lake");
    assertThat(anotherKey.exitCode()).isEqualTo(2);
    assertThat(anotherKey.err().strip())
        .isEqualTo(
            "flowlake run: this lake's personal data is hashed under another key: give the lake's"
                + " key (FLOWLAKE_PII_KEY or --pii-key-file), or pull into a new lake");
    assertThat(noKey.exitCode()).isEqualTo(2);
    assertThat(noKey.err().strip())
        .isEqualTo(
            "flowlake run: the personal-data policy 'hash' needs a key: set FLOWLAKE_PII_KEY or"
                + " --pii-key-file FILE");
    assertThat(snapshot(lake)).isEqualTo(before);
  }

  /** {@code run} then {@code export} into a lake of its own; scans the lake, export and output. */
  private RawBytesScan runAndExport(
      Simulator sim, String policy, Map<String, String> env, List<String> people) {
    Path lake = dir.resolve("lake-" + policy);
    Path export = lake.resolve("export");
    return RawBytesScan.withUncompressedParquet(
        spark,
        () -> {
          CliResult ran =
              cli.run(
                  env, withApi(sim, "run", "--lake", lake.toString(), "--personal-data", policy));
          assertOk(ran);
          CliResult exported =
              cli.run(
                  "export",
                  "--lake",
                  lake.toString(),
                  "--format",
                  "csv",
                  "--out",
                  export.toString());
          assertOk(exported);
          return RawBytesScan.lookingFor(people)
              .tree(lake)
              .text("run's output", ran.out() + ran.err())
              .text("export's output", exported.out() + exported.err());
        });
  }

  private CliResult pull(Simulator sim, Path lake, String... options) {
    return cli.against(sim).run(concat(List.of("pull", "--lake", lake.toString()), options));
  }

  private CliResult run(Simulator sim, Path lake, String... options) {
    return cli.against(sim).run(concat(List.of("run", "--lake", lake.toString()), options));
  }

  /**
   * The API options {@link InProcessCli#against} adds, for a run with an environment of its own.
   */
  private String[] withApi(Simulator sim, String... args) {
    try {
      Path token = Files.writeString(dir.resolve("token"), sim.token());
      return concat(
          List.of(args),
          "--api",
          sim.url().toString(),
          "--token-file",
          token.toString(),
          "--requests-per-hour",
          InProcessCli.UNPACED);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String[] concat(List<String> head, String... tail) {
    List<String> all = new ArrayList<>(head);
    all.addAll(List.of(tail));
    return all.toArray(String[]::new);
  }

  private static void assertOk(CliResult result) {
    assertThat(result.exitCode()).as(result.err()).isZero();
  }

  /** Every name, URN, URN path (the bare number) and display form in the simulator's truth. */
  private static List<String> people(Simulator sim) {
    List<String> people = new ArrayList<>();
    for (RunRecord run : sim.workspace().snapshot()) {
      Contact c = run.contact();
      people.add(c.name());
      people.add(c.urnDisplay());
      if (c.urn() != null) {
        people.add(c.urn());
        people.add(c.urn().substring(c.urn().indexOf(':') + 1));
      }
    }
    assertThat(people).filteredOn(p -> p != null).hasSizeGreaterThan(100);
    return people;
  }

  private static Contact contactWithNameAndUrn(Simulator sim) {
    return sim.workspace().snapshot().stream()
        .map(RunRecord::contact)
        .filter(c -> c.name() != null && c.urn() != null)
        .findFirst()
        .orElseThrow();
  }

  private static Map<String, String> truthUrnsByRun(Simulator sim) {
    Map<String, String> urns = new TreeMap<>();
    sim.workspace().snapshot().forEach(r -> urns.put(r.uuid(), r.contact().urn()));
    return urns;
  }

  /** What the lake should hold, computed apart from the code under test's Spark path. */
  private static Map<String, String> hashed(Map<String, String> truth, String key) {
    PersonalData policy = PersonalData.hashed(key.getBytes(StandardCharsets.UTF_8));
    Map<String, String> out = new TreeMap<>();
    truth.forEach((run, urn) -> out.put(run, policy.protect(urn)));
    return out;
  }

  private static Map<String, String> urnsByRun(Path lake) {
    Map<String, String> urns = new TreeMap<>();
    for (Row row :
        spark
            .read()
            .format("delta")
            .load(lake.resolve("runs").toString())
            .select("uuid", "contact_urn")
            .collectAsList()) {
      urns.put(row.getString(0), row.getString(1));
    }
    return urns;
  }

  /** Every file under the lake with its bytes' hash: equal snapshots, an unchanged lake. */
  private static Map<String, String> snapshot(Path lake) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(lake)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(
            lake.relativize(file).toString(),
            java.util.Arrays.toString(
                java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file))));
      }
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return files;
  }
}
