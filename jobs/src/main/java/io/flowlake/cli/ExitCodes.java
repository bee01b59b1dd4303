package io.flowlake.cli;

/** flowlake's exit codes, the contract with cron, Airflow and shell scripts. */
final class ExitCodes {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;

  private ExitCodes() {}
}
