package io.flowlake.api;

/**
 * One run record is well-formed JSON but not a run we can store: a required field missing, a
 * malformed timestamp, a wrong type, an unknown {@code exit_type}. The message is a short reason,
 * fit for the rejects table; the record is rejected, its neighbours are not.
 */
public class RecordFormatException extends RuntimeException {

  public RecordFormatException(String reason) {
    super(reason);
  }
}
