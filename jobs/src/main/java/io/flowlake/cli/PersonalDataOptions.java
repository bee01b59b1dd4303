package io.flowlake.cli;

import io.flowlake.config.CommandSettings;
import io.flowlake.privacy.PersonalData;
import io.flowlake.privacy.PersonalDataSettings;
import java.nio.file.Path;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --personal-data} and its key, for every command that writes runs. The key comes from
 * {@code --pii-key-file} or {@code FLOWLAKE_PII_KEY}, never from the command line, where {@code ps}
 * and shell history would show it.
 */
final class PersonalDataOptions {

  @Option(names = "--personal-data", paramLabel = "POLICY")
  String policy;

  @Option(names = "--pii-key-file", paramLabel = "FILE")
  Path keyFile;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  /** Validated before any Spark work starts. */
  PersonalData personalData() {
    return PersonalDataSettings.resolve(policy, keyFile, env(CommandSettings.PII_KEY_ENV));
  }

  /** The environment the command line runs with (a test's in-process one, or the process's). */
  private String env(String name) {
    IDefaultValueProvider defaults = command == null ? null : command.defaultValueProvider();
    return defaults instanceof ConfigDefaults config ? config.env(name) : System.getenv(name);
  }
}
