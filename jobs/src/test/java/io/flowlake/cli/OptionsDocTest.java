package io.flowlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.ProjectFiles;
import io.flowlake.config.OptionRegistry;
import io.flowlake.config.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * docs/options.md says what the registry says: every option of every command, every read option of
 * both Spark sources, each with the registry's default and doc line; and {@code --help} says the
 * same. Run with {@code -Dflowlake.writeDocs=true} to rewrite the file from the registry.
 */
class OptionsDocTest {

  private static final Path DOC = ProjectFiles.root().resolve("docs/options.md");

  static Stream<String> commands() {
    return FlowlakeCli.commandLine().getSubcommands().keySet().stream();
  }

  @Test
  void theCommittedFileIsWhatTheRegistrySays() throws IOException {
    String rendered = OptionsReference.render();
    if (Boolean.getBoolean("flowlake.writeDocs")) {
      Files.writeString(DOC, rendered);
    }
    assertThat(Files.readString(DOC))
        .as("docs/options.md is stale: rerun OptionsDocTest with -Dflowlake.writeDocs=true")
        .isEqualTo(rendered);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void listsEveryOptionOfTheCommand(String command) throws IOException {
    CommandLine cli = FlowlakeCli.commandLine().getSubcommands().get(command);
    Set<String> declared = new LinkedHashSet<>();
    OptionsReference.documented(cli).forEach(o -> declared.add(o.longestName()));
    assertThat(section("options:" + command, "(?m)^\\| `(--[a-z0-9-]+)"))
        .containsExactlyInAnyOrderElementsOf(declared);
  }

  @Test
  void listsEveryReadOptionOfTheRapidProSource() throws IOException {
    assertThat(section("read-options:rapidpro", "(?m)^\\| `([a-zA-Z]+)`"))
        .containsExactlyElementsOf(keys(OptionRegistry.RAPIDPRO_SOURCE))
        .contains("after", "flow", "requestsPerHour", "token", "windows");
  }

  @Test
  void listsEveryReadOptionOfTheArchivesSource() throws IOException {
    assertThat(section("read-options:rapidpro-archives", "(?m)^\\| `([a-zA-Z]+)`"))
        .containsExactlyElementsOf(keys(OptionRegistry.ARCHIVES_SOURCE))
        .contains("api", "archives")
        .doesNotContain("after", "flow");
  }

  /** {@code --help} shows the registry's line, so no option keeps a doc line of its own. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void helpShowsTheRegistrysDocLineAndDefault(String command) {
    CommandLine cli = FlowlakeCli.commandLine().getSubcommands().get(command);
    for (OptionSpec option : OptionsReference.documented(cli)) {
      Setting<?> setting = OptionRegistry.command(option.longestName()).orElseThrow();
      assertThat(option.description())
          .as(option.longestName())
          .containsExactly(OptionsFromRegistry.description(setting));
      assertThat(option.defaultValue()).as(option.longestName()).isEqualTo(setting.rawDefault());
    }
  }

  @Test
  void everyCommandOptionOfTheRegistryBelongsToACommand() {
    Set<String> used = new LinkedHashSet<>();
    FlowlakeCli.commandLine()
        .getSubcommands()
        .values()
        .forEach(c -> OptionsReference.documented(c).forEach(o -> used.add(o.longestName())));
    assertThat(used)
        .containsExactlyInAnyOrderElementsOf(
            OptionRegistry.COMMANDS.stream().map(Setting::flag).toList());
  }

  private static List<String> keys(List<Setting<?>> settings) {
    return settings.stream().map(Setting::key).toList();
  }

  private static Set<String> section(String marker, String row) throws IOException {
    String doc = Files.readString(DOC);
    String start = "<!-- " + marker + " -->";
    String end = "<!-- /" + marker + " -->";
    assertThat(doc).as("docs/options.md section '%s'", marker).contains(start, end);
    String section = doc.substring(doc.indexOf(start), doc.indexOf(end));
    Set<String> names = new LinkedHashSet<>();
    Matcher m = Pattern.compile(row).matcher(section);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
