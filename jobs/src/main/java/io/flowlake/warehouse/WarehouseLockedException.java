package io.flowlake.warehouse;

/** Another exporter holds the schema's advisory lock; this export wrote nothing. */
public final class WarehouseLockedException extends RuntimeException {

  WarehouseLockedException(String schema, java.time.Duration waited) {
    super(
        "another flowlake export is writing schema "
            + schema
            + " (PostgreSQL advisory lock held"
            + (waited.isZero() ? "" : " for all of " + waited.toSeconds() + " s")
            + "); this export wrote nothing: try again later, or give --jdbc-lock-wait");
  }
}
