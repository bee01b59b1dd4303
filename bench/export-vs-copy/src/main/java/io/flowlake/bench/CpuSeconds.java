package io.flowlake.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * CPU time, which a busy machine inflates far less than wall time: this JVM's, and that of the
 * PostgreSQL backend serving a connection (its {@code /proc/PID/stat} user and system ticks; the
 * bench's server runs on the same machine).
 */
final class CpuSeconds {

  private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

  private CpuSeconds() {}

  static double jvm() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1e9;
  }

  static long backendPid(Connection db) throws SQLException {
    try (Statement sql = db.createStatement();
        ResultSet rs = sql.executeQuery("select pg_backend_pid()")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static double backend(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    // fields after the command (which may hold spaces) in parentheses; utime, stime are 14 and 15
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
  }
}
