package io.flowlake.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OptionRegistryTest {

  /**
   * The Spark sources' read options and the commands' options are two namespaces (a {@code
   * .option(...)} never reaches a command line): a key may be declared in each, e.g. the read
   * filter {@code contact} and {@code forget --contact}, but only once within one. A setting both
   * share (the connection's) is one declaration.
   */
  @Test
  void eachKeyIsDeclaredOnceInItsNamespaceWithADocLine() {
    List<List<Setting<?>>> namespaces =
        List.of(
            Stream.concat(
                    OptionRegistry.RAPIDPRO_SOURCE.stream(),
                    OptionRegistry.ARCHIVES_SOURCE.stream())
                .distinct()
                .toList(),
            OptionRegistry.COMMANDS.stream().distinct().toList());
    for (List<Setting<?>> namespace : namespaces) {
      Set<String> keys = new HashSet<>();
      for (Setting<?> setting : namespace) {
        assertThat(keys.add(setting.key().toLowerCase())).as(setting.key()).isTrue();
        assertThat(setting.doc()).as(setting.key()).isNotBlank().doesNotContain("\n");
      }
    }
  }

  @Test
  void derivesEverySpellingFromTheKey() {
    Setting<?> setting = ConnectionSettings.REQUESTS_PER_HOUR;
    assertThat(setting.flag()).isEqualTo("--requests-per-hour");
    assertThat(setting.fileKey()).isEqualTo("requests-per-hour");
    assertThat(setting.envName()).isEqualTo("FLOWLAKE_REQUESTS_PER_HOUR");
    assertThat(OptionRegistry.command("--requests-per-hour")).contains(setting);
  }

  @Test
  void readsAValueOrTheDefaultMatchingKeysInAnyCase() {
    assertThat(ConnectionSettings.MAX_ATTEMPTS.from(Map.of("MAXATTEMPTS", " 9 "))).isEqualTo(9);
    assertThat(ConnectionSettings.MAX_ATTEMPTS.from(Map.of())).isEqualTo(5);
    assertThat(ConnectionSettings.BACKOFF_BASE.from(Map.of("backoffBase", "PT0.5S")))
        .isEqualTo(Duration.ofMillis(500));
    assertThat(ReadSettings.AFTER.from(Map.of("after", "2026-01-01T00:00:00.1234567+00:00")))
        .isEqualTo(Instant.parse("2026-01-01T00:00:00.123456Z"));
  }

  @Test
  void aBadValueIsQuotedWithWhatItMustBe() {
    assertThatThrownBy(() -> ReadSettings.RESPONDED_ONLY.from(Map.of("respondedOnly", "yes")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("option 'respondedOnly' must be true or false, got 'yes'");
    assertThatThrownBy(() -> ReadSettings.AFTER.from(Map.of("after", "2026-13-45")))
        .hasMessageContaining("'2026-13-45'");
    assertThatThrownBy(() -> ReadSettings.WINDOWS.from(Map.of("windows", "0")))
        .hasMessageContaining("a positive whole number, got '0'");
  }

  @Test
  void refusesTheFirstUnknownKeyAsTypedAndSuggestsOnlyANearOne() {
    assertThatThrownBy(
            () ->
                OptionRegistry.refuseUnknown(
                    Map.of("api", "x", "Aftr", "y"), OptionRegistry.RAPIDPRO_SOURCE, "rapidpro"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("format 'rapidpro' has no option 'Aftr' (did you mean 'after'?)");
    assertThatThrownBy(
            () ->
                OptionRegistry.refuseUnknown(
                    Map.of("header", "true"), OptionRegistry.RAPIDPRO_SOURCE, "rapidpro"))
        .hasMessage(
            "format 'rapidpro' has no option 'header'; its options are listed in docs/options.md");
  }

  @Test
  void theArchivesSourceHasNoRunFilters() {
    assertThat(OptionRegistry.ARCHIVES_SOURCE)
        .doesNotContain(ReadSettings.AFTER, ReadSettings.BEFORE, ReadSettings.FLOW)
        .contains(ConnectionSettings.API, ReadSettings.ARCHIVES);
  }
}
