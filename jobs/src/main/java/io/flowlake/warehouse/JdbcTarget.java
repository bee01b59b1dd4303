package io.flowlake.warehouse;

/**
 * Where the marts go: a PostgreSQL JDBC URL and its credentials. The password never comes from a
 * flag (it would show in {@code ps}); {@code toString} leaves it out.
 */
public record JdbcTarget(String url, String user, String password) {

  public JdbcTarget {
    if (url == null || !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "--jdbc-url "
              + url
              + " is not a PostgreSQL JDBC URL: use jdbc:postgresql://HOST:PORT/DB");
    }
  }

  @Override
  public String toString() {
    return "JdbcTarget[" + url + ", user " + user + "]";
  }
}
