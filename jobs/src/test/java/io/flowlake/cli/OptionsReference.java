package io.flowlake.cli;

import io.flowlake.config.OptionRegistry;
import io.flowlake.config.Setting;
import io.flowlake.source.RapidProArchivesProvider;
import io.flowlake.source.RapidProTableProvider;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Renders docs/options.md from the {@link OptionRegistry} and the commands that use it. */
final class OptionsReference {

  private OptionsReference() {}

  static String render() {
    StringBuilder out = new StringBuilder();
    out.append(
        """
        # Options

        <!-- Generated from io.flowlake.config.OptionRegistry; do not edit. OptionsDocTest fails
        when this file differs from the registry; to rewrite it, run
        mvn -B -ntp -o -q -pl jobs -am verify -Dtest=OptionsDocTest -Dflowlake.writeDocs=true
        -Dsurefire.failIfNoSpecifiedTests=false -DskipITs -->

        Every option of flowlake is declared once, with its type, default and meaning, in
        `io.flowlake.config.OptionRegistry`; `--help`, the config file, the environment and both
        Spark sources read it. An option a place does not know is refused with one line naming
        it, never ignored.

        ## Commands

        A command's option can also be given as an environment variable, `FLOWLAKE_<OPTION>`
        (`--requests-per-hour` is `FLOWLAKE_REQUESTS_PER_HOUR`), or in the config file named by
        `--config` or `FLOWLAKE_CONFIG`, without its dashes: at the top level for every command
        that has it, or under a command's name for that command only. YAML nests them
        (`run: {max-rejects: 10}`); `.properties` joins them with a dot (`run.max-rejects=10`).
        A flag beats the environment, which beats the file, which beats the default. The API
        token comes only from `RAPIDPRO_TOKEN` or `--token-file`, the JDBC password only from
        `FLOWLAKE_JDBC_PASSWORD` or `--jdbc-password-file`: a secret in the file is refused.
        """);
    for (Map.Entry<String, CommandLine> command :
        FlowlakeCli.commandLine().getSubcommands().entrySet()) {
      out.append("\n### `flowlake ").append(command.getKey()).append("`\n\n");
      out.append("<!-- options:").append(command.getKey()).append(" -->\n");
      out.append("| option | default | meaning |\n|---|---|---|\n");
      for (OptionSpec option : documented(command.getValue())) {
        Setting<?> setting = OptionRegistry.command(option.longestName()).orElseThrow();
        String label =
            option.arity().max() == 0
                ? option.longestName()
                : option.longestName() + " " + option.paramLabel();
        String shown = option.required() ? Setting.REQUIRED : shownDefault(setting);
        out.append("| `").append(label).append("` | ").append(shown);
        out.append(" | ").append(setting.doc()).append(" |\n");
      }
      out.append("<!-- /options:").append(command.getKey()).append(" -->\n");
    }
    out.append(
        """

        ## Spark sources

        Read options are given with `spark.read.format(...).option(key, value)`; keys match
        without regard to case. They are checked when the DataFrame is defined (`load()`): an
        unknown key or a bad value fails there with one line, before any request. A read option
        beats the default; there is no session-wide setting. Durations are written `90s`, `10m`,
        `1h` or `PT10M`; timestamps with a zone, e.g. `2026-01-31T00:00:00Z`. Options marked
        internal are set by `flowlake pull` and `flowlake backfill`.
        """);
    source(out, RapidProTableProvider.SHORT_NAME, OptionRegistry.RAPIDPRO_SOURCE);
    source(out, RapidProArchivesProvider.SHORT_NAME, OptionRegistry.ARCHIVES_SOURCE);
    return out.toString();
  }

  /** The options a user can give a command: not help, not hidden. */
  static List<OptionSpec> documented(CommandLine command) {
    return command.getCommandSpec().options().stream()
        .filter(o -> !o.hidden() && !o.usageHelp() && !o.versionHelp())
        .toList();
  }

  private static void source(StringBuilder out, String format, List<Setting<?>> settings) {
    out.append("\n### `spark.read.format(\"").append(format).append("\")`\n\n");
    out.append("<!-- read-options:").append(format).append(" -->\n");
    out.append("| option | type | default | meaning |\n|---|---|---|---|\n");
    for (Setting<?> setting : settings) {
      out.append("| `").append(setting.key()).append("` | ").append(setting.type().name());
      out.append(" | ").append(shownDefault(setting)).append(" | ").append(setting.doc());
      out.append(" |\n");
    }
    out.append("<!-- /read-options:").append(format).append(" -->\n");
  }

  private static String shownDefault(Setting<?> setting) {
    if (setting.shownDefault() == null) {
      return "none";
    }
    return setting.rawDefault() != null
        ? "`" + setting.shownDefault() + "`"
        : setting.shownDefault();
  }
}
