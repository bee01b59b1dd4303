package io.flowlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The README's options table of each command lists exactly the options the command declares, so the
 * front door never drifts from {@code --help}.
 */
class ReadmeOptionsTest {

  static Stream<String> commands() {
    return new CommandLine(new FlowlakeCli()).getSubcommands().keySet().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void readmeTableListsEveryOptionOfTheCommand(String command) throws IOException {
    CommandLine cli = new CommandLine(new FlowlakeCli()).getSubcommands().get(command);
    Set<String> declared = new LinkedHashSet<>();
    for (OptionSpec option : cli.getCommandSpec().options()) {
      if (!option.hidden() && !option.usageHelp() && !option.versionHelp()) {
        declared.add(option.longestName());
      }
    }
    assertThat(readmeOptions(command)).containsExactlyInAnyOrderElementsOf(declared);
  }

  private static Set<String> readmeOptions(String command) throws IOException {
    String readme = Files.readString(ProjectFiles.root().resolve("README.md"));
    String start = "<!-- options:" + command + " -->";
    String end = "<!-- /options:" + command + " -->";
    assertThat(readme).as("README section for '%s'", command).contains(start, end);
    String section = readme.substring(readme.indexOf(start), readme.indexOf(end));
    Set<String> names = new LinkedHashSet<>();
    Matcher row = Pattern.compile("(?m)^\\| `(--[a-z0-9-]+)").matcher(section);
    while (row.find()) {
      names.add(row.group(1));
    }
    return names;
  }
}
