package io.flowlake.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowlake.config.ConfigException;
import io.flowlake.testing.SharedSpark;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A read option a source does not know, or a value it cannot use, fails {@code load()} with one
 * line naming it, before any request (nothing listens on the address below).
 */
@ExtendWith(SharedSpark.class)
class ReadOptionsRefusedTest {

  private static final String NOBODY = "http://127.0.0.1:1";
  private static final SparkSession spark = SharedSpark.session();

  private static DataFrameReader read(String format) {
    return spark.read().format(format).option("api", NOBODY).option("token", "t");
  }

  @Test
  void aMisspelledOptionOfTheRunsSourceIsNamedAsTyped() {
    assertThatThrownBy(() -> read("rapidpro").option("aftr", "2026-01-01T00:00:00Z").load())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'aftr'")
        .hasMessageContaining("did you mean 'after'")
        .hasMessageContaining("'rapidpro'")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void theArchivesSourceRefusesTheRunsSourcesFiltersInsteadOfIgnoringThem() {
    assertThatThrownBy(
            () -> read("rapidpro-archives").option("after", "2026-01-01T00:00:00Z").load())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'rapidpro-archives' has no option 'after'")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThatThrownBy(() -> read("rapidpro-archives").option("Flow", "x").load())
        .hasMessageContaining("no option 'Flow'");
  }

  @Test
  void aBadValueFailsLoadQuotingIt() {
    assertThatThrownBy(() -> read("rapidpro").option("requestsPerHour", "lots").load())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'requestsPerHour'")
        .hasMessageContaining("'lots'");
  }

  @Test
  void knownOptionsInAnyCaseDefineTheDataFrameWithoutARequest() {
    assertThat(
            read("rapidpro")
                .option("REQUESTSPERHOUR", "7200")
                .option("after", "2026-01-01T00:00:00Z")
                .load()
                .schema())
        .isEqualTo(RunColumns.SOURCE);
    assertThat(read("rapidpro-archives").load().schema()).isEqualTo(RunColumns.SOURCE);
  }
}
