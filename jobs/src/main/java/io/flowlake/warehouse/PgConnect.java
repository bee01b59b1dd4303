package io.flowlake.warehouse;

import io.flowlake.config.ConfigException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens the warehouse connection before any Spark work, so a bad URL, user, password or database
 * fails in a second with exit 2 and one line naming the server (never the password).
 */
public final class PgConnect {

  public static Connection open(JdbcTarget target) throws SQLException {
    Properties props = new Properties();
    if (target.user() != null) {
      props.setProperty("user", target.user());
    }
    if (target.password() != null) {
      props.setProperty("password", target.password());
    }
    String server = server(target.url());
    Connection db;
    try {
      db = new org.postgresql.Driver().connect(target.url(), props);
    } catch (SQLException e) {
      String state = e.getSQLState() == null ? "" : e.getSQLState();
      String line = firstLine(e.getMessage());
      if (state.startsWith("28") || state.equals("3D000") || unknownHost(e)) {
        throw new ConfigException(
            "PostgreSQL at "
                + server
                + " refused the login: "
                + line
                + " (check --jdbc-url, --jdbc-user and the password)");
      }
      throw new WarehouseUnreachableException(
          "cannot reach PostgreSQL at " + server + ": " + line, state, e);
    }
    if (db == null) {
      throw new ConfigException(
          "--jdbc-url "
              + target.url()
              + " is not a PostgreSQL JDBC URL: use jdbc:postgresql://HOST:PORT/DB");
    }
    return db;
  }

  /** host:port/database of a {@code jdbc:postgresql://} URL, without its parameters. */
  static String server(String url) {
    String rest = url.substring("jdbc:postgresql:".length());
    rest = rest.startsWith("//") ? rest.substring(2) : rest;
    int query = rest.indexOf('?');
    return query < 0 ? rest : rest.substring(0, query);
  }

  private static boolean unknownHost(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof UnknownHostException) {
        return true;
      }
    }
    return false;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no message";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private PgConnect() {}
}
