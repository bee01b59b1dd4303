package io.flowlake.cli;

import io.flowlake.lake.Erasure;

/** An erasure told in counts, never whose: no uuid of an erased contact is ever printed. */
final class ErasureReport {

  /** {@code what} (a format with one count, the contacts) followed by the rows each table lost. */
  static String line(String what, Erasure.Erased erased) {
    return String.format(what, erased.contacts())
        + String.format(
            ": %,d runs, %,d run_values rows, %,d contacts rows and %,d rejects removed",
            erased.runs(), erased.runValues(), erased.contactRows(), erased.rejects());
  }

  private ErasureReport() {}
}
