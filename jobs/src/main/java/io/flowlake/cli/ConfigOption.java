package io.flowlake.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE}: option values from a YAML or .properties file. {@link ConfigDefaults}
 * reads it before parsing (it must know the file to supply defaults); this declaration gives it a
 * place in {@code --help} and the README.
 */
public final class ConfigOption {

  @Option(names = "--config", paramLabel = "FILE")
  Path config;
}
