package io.flowlake.warehouse;

import java.sql.SQLException;

/**
 * The warehouse could not be reached (refused, timed out, reset): its message names the server,
 * which the driver's own innermost cause ("Connection refused") does not, so the CLI reports this
 * message rather than the cause's. Not configuration: a later run may well reach it (exit 1).
 */
public final class WarehouseUnreachableException extends SQLException {

  WarehouseUnreachableException(String message, String sqlState, Throwable cause) {
    super(message, sqlState, cause);
  }
}
