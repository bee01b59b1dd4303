package io.flowlake.cli;

import io.flowlake.lake.PullRecord;
import java.io.PrintStream;

/** The lines a pull prints when it ends. */
final class PullReport {

  static void print(PullRecord pull, PrintStream out) {
    double seconds = pull.seconds();
    out.printf(
        "%s pull: %,d runs in %,d pages (%,d requests, %,d throttled, %,d retries, %,d rejects) in %.1f s, %,.0f runs/s%n",
        pull.kind(),
        pull.runsFetched(),
        pull.pages(),
        pull.requests(),
        pull.throttled(),
        pull.retries(),
        pull.rejects(),
        seconds,
        pull.runsFetched() / Math.max(seconds, 0.001));
    out.printf(
        "watermark: %s (was %s); T0 %s%n",
        pull.watermarkAfter(),
        pull.watermarkBefore() == null ? "none" : pull.watermarkBefore(),
        pull.t0());
    if (pull.contacts() != null) {
      out.printf(
          "contacts: %,d landed (%,d rejects); %,d contact fields, %,d groups%n",
          pull.contacts().contacts(),
          pull.contacts().rejects(),
          pull.contacts().fields(),
          pull.contacts().groups());
    }
    if (pull.rejects() > 0) {
      out.printf("%,d records could not be parsed: see the rejects table%n", pull.rejects());
    }
    for (String mismatch : pull.countMismatches()) {
      out.println("warning: run counts differ from flows.json: " + mismatch);
    }
  }

  private PullReport() {}
}
