package io.flowlake.cli;

import io.flowlake.config.OptionRegistry;
import io.flowlake.config.Setting;
import java.util.List;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * Gives a command's options their doc line and default from the {@link OptionRegistry}, so that
 * {@code --help}, the parsed defaults and docs/options.md all say what the registry says. An option
 * declared with a description of its own (a hidden one, or a demo command's) is left as it is; one
 * declared without must be in the registry, else the command fails to build.
 */
public final class OptionsFromRegistry implements IModelTransformer {

  @Override
  public CommandSpec transform(CommandSpec spec) {
    for (OptionSpec option : List.copyOf(spec.options())) {
      if (option.description().length > 0 || option.usageHelp() || option.versionHelp()) {
        continue;
      }
      Setting<?> setting =
          OptionRegistry.command(option.longestName())
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          option.longestName() + " has no description and no registry entry"));
      OptionSpec.Builder bound = option.toBuilder().description(description(setting));
      if (setting.rawDefault() != null) {
        bound.defaultValue(setting.rawDefault());
      }
      if (option.converters().length == 0 && isWholeNumber(option.type())) {
        bound.converters(wholeNumber(setting));
      }
      spec.remove(option);
      spec.addOption(bound.build());
    }
    return spec;
  }

  private static boolean isWholeNumber(Class<?> type) {
    return type == int.class || type == Integer.class || type == long.class || type == Long.class;
  }

  /**
   * Checks a number flag against its registry type while parsing, so {@code --parallelism 0} is
   * refused before any work starts, in the registry's words, under the flag's own name.
   */
  private static ITypeConverter<Object> wholeNumber(Setting<?> setting) {
    return text -> {
      try {
        return setting.type().parse(text);
      } catch (RuntimeException e) {
        throw new TypeConversionException(
            "must be " + setting.type().expected() + ", got '" + text + "'");
      }
    };
  }

  /** The doc line, and the default unless it is off or the option is required. */
  static String description(Setting<?> setting) {
    String shown = setting.shownDefault();
    boolean worthShowing =
        shown != null && !shown.equals("false") && !shown.equals(Setting.REQUIRED);
    return setting.doc() + (worthShowing ? " (default: " + shown + ")" : "");
  }
}
