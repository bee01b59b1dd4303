package io.flowlake.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowlake.config.ConfigException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceOptionsTest {

  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00.123456789Z");

  @Test
  void fixesBeforeAtTheReadsStartTruncatedToMicroseconds() {
    SourceOptions options =
        SourceOptions.parse(Map.of("api", "http://127.0.0.1:1", "token", "t"), NOW);
    assertThat(options.before()).isEqualTo(Instant.parse("2026-11-28T12:00:00.123456Z"));
    assertThat(options.after()).isNull();
  }

  @Test
  void readsAfterAndBeforeInEitherUtcForm() {
    SourceOptions options =
        SourceOptions.parse(
            Map.of(
                "api",
                "http://127.0.0.1:1",
                "token",
                "t",
                "after",
                "2026-01-01T00:00:00+00:00",
                "before",
                "2026-02-01T00:00:00.5Z"),
            NOW);
    assertThat(options.after()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(options.before()).isEqualTo(Instant.parse("2026-02-01T00:00:00.5Z"));
  }

  @Test
  void optionKeysAreCaseInsensitive() {
    SourceOptions options =
        SourceOptions.parse(
            Map.of("API", "http://127.0.0.1:1", "TOKEN", "t", "REQUESTSPERHOUR", "7200"), NOW);
    assertThat(options.api().requestsPerHour()).isEqualTo(7200);
  }

  @Test
  void refusesAnUnknownOptionNamingItAndTheNearestKnownOne() {
    assertThatThrownBy(
            () ->
                SourceOptions.parse(
                    Map.of("api", "http://127.0.0.1:1", "token", "t", "respondedOnyl", "true"),
                    NOW))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "format 'rapidpro' has no option 'respondedOnyl' (did you mean 'respondedOnly'?);"
                + " its options are listed in docs/options.md");
  }

  @Test
  void readsDurationsAsTheCommandLineDoes() {
    SourceOptions options =
        SourceOptions.parse(
            Map.of(
                "api", "http://127.0.0.1:1",
                "token", "t",
                "retryAfterFallback", "2m",
                "backoffBase", "250ms"),
            NOW);
    assertThat(options.api().retryAfterFallback()).isEqualTo(java.time.Duration.ofMinutes(2));
    assertThat(options.api().backoffBase()).isEqualTo(java.time.Duration.ofMillis(250));
  }

  @Test
  void defaultsComeFromTheRegistry() {
    SourceOptions options =
        SourceOptions.parse(Map.of("api", "http://127.0.0.1:1", "token", "t"), NOW);
    assertThat(options.api().requestsPerHour()).isEqualTo(3600);
    assertThat(options.api().maxAttempts()).isEqualTo(5);
    assertThat(options.respondedOnly()).isFalse();
  }

  @Test
  void refusesAMissingApiWithWhatToGive() {
    assertThatThrownBy(() -> SourceOptions.parse(Map.of("token", "t"), NOW))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'api' is missing");
  }

  @Test
  void quotesABadNumber() {
    assertThatThrownBy(
            () ->
                SourceOptions.parse(
                    Map.of("api", "http://127.0.0.1:1", "token", "t", "requestsPerHour", "lots"),
                    NOW))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'lots'");
  }

  @Test
  void quotesAMalformedTimestampInsteadOfSilentlyReadingNothing() {
    // docs/rapidpro-api.md pitfall 9: the server answers an unparseable 'after' with zero rows and
    // HTTP 200.
    assertThatThrownBy(
            () ->
                SourceOptions.parse(
                    Map.of("api", "http://127.0.0.1:1", "token", "t", "after", "2026-13-45"), NOW))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'2026-13-45'");
  }

  @Test
  void refusesAfterLaterThanBefore() {
    assertThatThrownBy(
            () ->
                SourceOptions.parse(
                    Map.of(
                        "api",
                        "http://127.0.0.1:1",
                        "token",
                        "t",
                        "after",
                        "2026-02-01T00:00:00Z",
                        "before",
                        "2026-01-01T00:00:00Z"),
                    NOW))
        .isInstanceOf(ConfigException.class);
  }

  @Test
  void neverPrintsTheToken() {
    SourceOptions options =
        SourceOptions.parse(Map.of("api", "http://127.0.0.1:1", "token", "s3cr3t-token"), NOW);
    assertThat(options.toString()).doesNotContain("s3cr3t-token");
  }
}
