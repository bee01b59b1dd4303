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
 * PostgreSQL backends serving an export (their {@code /proc/PID/stat} user and system ticks; the
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
    String[] fields = stat(pid);
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
  }

  /**
   * The backend's CPU and that of every backend that has ended since the server started: the export
   * opens a connection per table it sends side by side, and an ended backend's ticks are added to
   * its parent's, the postmaster's, children's time (cutime, cstime).
   */
  static double server(long backendPid) throws IOException {
    long postmaster = Long.parseLong(stat(backendPid)[1]);
    String[] fields = stat(postmaster);
    return backend(backendPid)
        + (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / TICKS_PER_SECOND;
  }

  /** The fields of /proc/PID/stat after the command (which may hold spaces) in parentheses. */
  private static String[] stat(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    // field 3 (state) is [0]: ppid 4 is [1], utime 14 [11], stime 15 [12], cutime 16, cstime 17
    return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
  }
}
