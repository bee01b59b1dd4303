package io.flowlake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowlake.config.ConfigException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiConfigTest {

  private static final String TOKEN = "0123456789abcdef0123456789abcdef01234567";

  @Test
  void defaultsMatchRapidProsPublishedLimits() {
    ApiConfig config = ApiConfig.builder("https://textit.com").token(TOKEN).build();

    assertThat(config.api()).isEqualTo(URI.create("https://textit.com"));
    assertThat(config.requestsPerHour()).isEqualTo(3600);
    assertThat(config.retryAfterFallback()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.maxAttempts()).isEqualTo(5);
    assertThat(config.backoffBase()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.backoffCap()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.allowInsecureHttp()).isFalse();
    assertThat(config.maxThrottleWaits()).isEqualTo(100);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://textit.com",
        "https://textit.com/",
        "https://textit.com/api/v2",
        "https://textit.com/api/v2/",
        "HTTPS://TextIt.com",
        "  https://textit.com  "
      })
  void toleratesTrailingSlashAndApiRoot(String api) {
    assertThat(ApiConfig.builder(api).token(TOKEN).build().api())
        .isEqualTo(URI.create("https://textit.com"));
  }

  @Test
  void keepsPortAndPathPrefix() {
    assertThat(
            ApiConfig.builder("https://rp.example.org:8443/rapidpro/api/v2/")
                .token(TOKEN)
                .build()
                .api())
        .isEqualTo(URI.create("https://rp.example.org:8443/rapidpro"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://rp.example.org:8443/rapidpro/api/v2/runs.json",
        "https://rp.example.org:8443/rapidpro/api/v2/runs"
      })
  void refusesAnEndpointAndNamesTheBaseUrl(String api) {
    assertThatThrownBy(() -> ApiConfig.builder(api).token(TOKEN).build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("e.g. https://rp.example.org:8443/rapidpro");
  }

  @Test
  void refusesAnAddressWithoutScheme() {
    assertThatThrownBy(() -> ApiConfig.builder("127.0.0.1:8000").token(TOKEN).build())
        .isInstanceOf(ConfigException.class)
        .hasMessage("--api '127.0.0.1:8000' has no scheme: use http://host:port or https://host");
  }

  @Test
  void refusesOtherSchemesAndMissingHosts() {
    assertThatThrownBy(() -> ApiConfig.builder("ftp://textit.com").token(TOKEN).build())
        .hasMessageContaining("'ftp://textit.com' has scheme 'ftp'");
    assertThatThrownBy(() -> ApiConfig.builder("https:///api/v2").token(TOKEN).build())
        .hasMessageContaining("'https:///api/v2' has no host");
    assertThatThrownBy(() -> ApiConfig.builder(" ").token(TOKEN).build())
        .hasMessageContaining("--api is missing");
  }

  @Test
  void refusesCredentialsInTheAddressWithoutPrintingThem() {
    assertThatThrownBy(() -> ApiConfig.builder("https://me:secret@textit.com").token(TOKEN).build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'https://***@textit.com' carries credentials")
        .hasMessageNotContaining("secret");
  }

  @Test
  void refusesPlainHttpToAnotherHostUnlessAllowed() {
    assertThatThrownBy(() -> ApiConfig.builder("http://textit.example").token(TOKEN).build())
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "--api 'http://textit.example' would send the token unencrypted; use https or pass"
                + " --allow-insecure-http");

    ApiConfig allowed =
        ApiConfig.builder("http://textit.example").token(TOKEN).allowInsecureHttp(true).build();
    assertThat(allowed.api()).isEqualTo(URI.create("http://textit.example"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:8000", "http://127.0.0.1:8000", "http://[::1]:8000"})
  void allowsPlainHttpToThisMachine(String api) {
    assertThat(ApiConfig.builder(api).token(TOKEN).build().api().getScheme()).isEqualTo("http");
  }

  @Test
  void refusesAMissingOrBrokenToken() {
    assertThatThrownBy(() -> ApiConfig.builder("https://textit.com").build())
        .isInstanceOf(ConfigException.class)
        .hasMessage("no API token: set RAPIDPRO_TOKEN or --token-file");
    assertThatThrownBy(() -> ApiConfig.builder("https://textit.com").token("ab cd").build())
        .isInstanceOf(ConfigException.class)
        .hasMessageNotContaining("ab cd");
  }

  @Test
  void stripsTheNewlineATokenFileEndsWith() {
    assertThat(ApiConfig.builder("https://textit.com").token(TOKEN + "\n").build().token())
        .isEqualTo(TOKEN);
  }

  @Test
  void refusesNonPositiveRequestsPerHour() {
    assertThatThrownBy(
            () -> ApiConfig.builder("https://textit.com").token(TOKEN).requestsPerHour(0).build())
        .isInstanceOf(ConfigException.class)
        .hasMessage("requestsPerHour 0 must be at least 1");
  }

  @Test
  void refusesBadRetrySettings() {
    ApiConfig.Builder builder = ApiConfig.builder("https://textit.com").token(TOKEN);
    assertThatThrownBy(() -> builder.maxAttempts(0).build()).hasMessageContaining("maxAttempts 0");
    assertThatThrownBy(() -> builder.maxAttempts(1).backoffBase(Duration.ofSeconds(-1)).build())
        .hasMessageContaining("backoffBase PT-1S");
    assertThatThrownBy(
            () -> builder.backoffBase(Duration.ZERO).requestTimeout(Duration.ZERO).build())
        .hasMessageContaining("requestTimeout");
  }

  @Test
  void neverPrintsTheToken() {
    ApiConfig config = ApiConfig.builder("https://textit.com").token(TOKEN).build();

    assertThat(config.toString()).contains("token=***").doesNotContain(TOKEN);
  }

  @Test
  void errorMessagesAreOneLine() {
    assertThatThrownBy(() -> ApiConfig.builder("nope").token(TOKEN).build())
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
