package io.flowlake.cli;

import io.flowlake.config.ConfigException;
import io.flowlake.config.OptionRegistry;
import io.flowlake.config.Setting;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Default values of every command's options from the environment, then from a config file, so the
 * precedence is flag &gt; {@code FLOWLAKE_<OPTION>} &gt; file &gt; the option's own default. As a
 * picocli default provider it serves options added later by any command without a line here, and
 * picocli converts and validates its values exactly like flags, before any Spark work.
 *
 * <p>File keys are option names without dashes: at the top level for every command that has the
 * option, or under a command's name for that command only. A key that no command has is an error,
 * and so is a secret: the token and the JDBC password come only from the environment or a file of
 * their own.
 */
final class ConfigDefaults implements IDefaultValueProvider {

  static final String ENV_PREFIX = "FLOWLAKE_";
  static final String CONFIG_ENV = ENV_PREFIX + "CONFIG";
  private static final Set<String> SECRETS = Set.of("token", "jdbc-password");

  private final Map<String, String> env;
  private final ConfigFile file;

  private ConfigDefaults(Map<String, String> env, ConfigFile file) {
    this.env = env;
    this.file = file;
  }

  /**
   * The provider for a command line: the file named by {@code --config} in {@code args}, else by
   * {@code FLOWLAKE_CONFIG}, checked against the options of {@code root}'s commands.
   *
   * @throws ConfigException for an unreadable file, an unknown key or a secret in it
   */
  static ConfigDefaults load(CommandLine root, Map<String, String> env, String... args) {
    Optional<String> path = configArgument(args).or(() -> Optional.ofNullable(env.get(CONFIG_ENV)));
    ConfigFile file = path.map(ConfigFile::read).orElse(ConfigFile.EMPTY);
    validate(root, file);
    checkValues(file, env);
    return new ConfigDefaults(Map.copyOf(env), file);
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option) || option.command() == null) {
      return null;
    }
    String key = key(option);
    if (key.equals("config") || SECRETS.contains(key)) {
      return null;
    }
    String fromEnv = env.get(envName(key));
    if (fromEnv != null) {
      return fromEnv;
    }
    String command = option.command().name();
    return file.sections().getOrDefault(command, Map.of()).getOrDefault(key, file.top().get(key));
  }

  /** A variable of the environment this command line runs with, or null. */
  String env(String name) {
    return env.get(name);
  }

  static String envName(String key) {
    return ENV_PREFIX + key.replace('-', '_').toUpperCase(Locale.ROOT);
  }

  private static String key(OptionSpec option) {
    return option.longestName().replaceFirst("^-+", "");
  }

  private static Optional<String> configArgument(String... args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        return Optional.of(args[i + 1]);
      }
      if (args[i].startsWith("--config=")) {
        return Optional.of(args[i].substring("--config=".length()));
      }
    }
    return Optional.empty();
  }

  private static void validate(CommandLine root, ConfigFile file) {
    Map<String, Set<String>> commands = new LinkedHashMap<>();
    Set<String> all = new TreeSet<>();
    for (Map.Entry<String, CommandLine> sub : root.getSubcommands().entrySet()) {
      Set<String> keys = new TreeSet<>();
      for (OptionSpec option : sub.getValue().getCommandSpec().options()) {
        if (!option.hidden() && !option.usageHelp() && !option.versionHelp()) {
          keys.add(key(option));
        }
      }
      keys.remove("config");
      commands.put(sub.getKey(), keys);
      all.addAll(keys);
    }
    for (String key : file.top().keySet()) {
      check(file, key, all, "any command");
    }
    for (Map.Entry<String, Map<String, String>> section : file.sections().entrySet()) {
      Set<String> keys = commands.get(section.getKey());
      if (keys == null) {
        throw new ConfigException(
            file.where(section.getKey())
                + ": '"
                + section.getKey()
                + "' is neither an option nor a command");
      }
      for (String key : section.getValue().keySet()) {
        check(file, section.getKey() + "." + key, keys, "flowlake " + section.getKey());
      }
    }
  }

  /**
   * Parses every value the file or the environment gives an option of the registry, so that a bad
   * one is reported where it was written ({@code file:line}, or the variable's name), before any
   * command starts, rather than as if it had been typed as a flag.
   */
  private static void checkValues(ConfigFile file, Map<String, String> env) {
    for (Setting<?> setting : OptionRegistry.COMMANDS) {
      String key = setting.fileKey();
      String fromEnv = env.get(envName(key));
      if (fromEnv != null) {
        checkValue(setting, fromEnv, envName(key));
      }
      if (file.top().containsKey(key)) {
        checkValue(setting, file.top().get(key), file.where(key) + ": " + key);
      }
      for (Map.Entry<String, Map<String, String>> section : file.sections().entrySet()) {
        String value = section.getValue().get(key);
        if (value != null) {
          String dotted = section.getKey() + "." + key;
          checkValue(setting, value, file.where(dotted) + ": " + dotted);
        }
      }
    }
  }

  private static void checkValue(Setting<?> setting, String value, String source) {
    try {
      setting.type().parse(value);
    } catch (RuntimeException e) {
      throw new ConfigException(
          source + " must be " + setting.type().expected() + ", got '" + value + "'");
    }
  }

  private static void check(ConfigFile file, String key, Set<String> known, String where) {
    String name = key.substring(key.lastIndexOf('.') + 1);
    if (SECRETS.contains(name)) {
      throw new ConfigException(
          file.where(key)
              + ": '"
              + key
              + "' is refused: a secret does not belong in a config file; set "
              + (name.equals("token")
                  ? "RAPIDPRO_TOKEN or token-file"
                  : "FLOWLAKE_JDBC_PASSWORD or jdbc-password-file"));
    }
    if (!known.contains(name)) {
      throw new ConfigException(
          file.where(key)
              + ": unknown key '"
              + key
              + "' (no option --"
              + name
              + " in "
              + where
              + "; see docs/options.md)");
    }
  }
}
