package io.flowlake.ops;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This machine's name, as lock files record it. */
final class Hosts {

  private static final String NAME = lookup();

  static String name() {
    return NAME;
  }

  private static String lookup() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }

  private Hosts() {}
}
