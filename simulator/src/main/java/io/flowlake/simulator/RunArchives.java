package io.flowlake.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.flowlake.api.RunRecord;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * The run archives rp-archiver would have made of a workspace at one moment (docs/rapidpro-api.md
 * §7): a daily archive for every UTC day before the retention cutoff, rolled up into a monthly one
 * once the whole month is past it (the dailies then hidden), empty days as empty archives. The
 * files are written once, to a temporary folder, from the runs as they were then: a run modified
 * later stays in its old archive with its old content, as on the real server.
 */
public final class RunArchives implements AutoCloseable {

  /** One record in this many is written in the legacy shape (list values, events, submitted_by). */
  static final int LEGACY_EVERY = 7;

  private static final JsonFactory JSON = new JsonFactory();
  private final Path dir;
  private final List<RunArchive> archives;

  private RunArchives(Path dir, List<RunArchive> archives) {
    this.dir = dir;
    this.archives = archives;
  }

  /** Archives of the runs last modified before {@code cutoffDay} (UTC). */
  static RunArchives build(List<RunRecord> runs, LocalDate cutoffDay) throws IOException {
    Path dir = Files.createTempDirectory("flowlake-sim-archives");
    TreeMap<LocalDate, List<RunRecord>> byDay = new TreeMap<>();
    for (RunRecord run : runs) {
      LocalDate day = day(run.modifiedOn());
      if (day.isBefore(cutoffDay)) {
        byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(run);
      }
    }
    List<RunArchive> archives = new ArrayList<>();
    if (!byDay.isEmpty()) {
      Comparator<RunRecord> order =
          Comparator.comparing(RunRecord::modifiedOn).thenComparing(RunRecord::id);
      byDay.values().forEach(list -> list.sort(order));
      for (LocalDate month = byDay.firstKey().withDayOfMonth(1);
          month.isBefore(cutoffDay);
          month = month.plusMonths(1)) {
        boolean rolledUp = !month.plusMonths(1).isAfter(cutoffDay);
        List<RunRecord> monthRuns = new ArrayList<>();
        for (LocalDate day = month;
            day.isBefore(month.plusMonths(1)) && day.isBefore(cutoffDay);
            day = day.plusDays(1)) {
          List<RunRecord> dayRuns = byDay.getOrDefault(day, List.of());
          if (!day.isBefore(byDay.firstKey())) {
            archives.add(
                rolledUp
                    ? new RunArchive(RunArchive.DAILY, day, dayRuns.size(), null, 0, null, true)
                    : write(dir, RunArchive.DAILY, day, dayRuns));
          }
          monthRuns.addAll(dayRuns);
        }
        if (rolledUp) {
          archives.add(write(dir, RunArchive.MONTHLY, month, monthRuns));
        }
      }
    }
    return new RunArchives(dir, archives);
  }

  /** Every archive, rolled-up dailies included, oldest first. */
  public List<RunArchive> all() {
    return List.copyOf(archives);
  }

  /** What the listing shows, newest {@code start_date} first (docs/rapidpro-api.md §5). */
  List<RunArchive> listed() {
    List<RunArchive> listed = new ArrayList<>();
    for (int i = archives.size() - 1; i >= 0; i--) {
      if (!archives.get(i).rolledUp()) {
        listed.add(archives.get(i));
      }
    }
    listed.sort(Comparator.comparing(RunArchive::startDate).reversed());
    return listed;
  }

  /** The listed archive of this period and start date. */
  public RunArchive get(String period, LocalDate startDate) {
    return byPeriod(period, startDate)
        .orElseThrow(
            () -> new IllegalArgumentException("no " + period + " archive from " + startDate));
  }

  Optional<RunArchive> byFileName(String name) {
    return archives.stream().filter(a -> !a.empty() && a.fileName().equals(name)).findFirst();
  }

  private Optional<RunArchive> byPeriod(String period, LocalDate startDate) {
    return listed().stream()
        .filter(a -> a.period().equals(period) && a.startDate().equals(startDate))
        .findFirst();
  }

  static LocalDate day(Instant t) {
    return LocalDate.ofInstant(t, ZoneOffset.UTC);
  }

  // Empty archives are not uploaded (ARC eb5d533): no file, no hash, no URL.
  private static RunArchive write(Path dir, String period, LocalDate start, List<RunRecord> runs)
      throws IOException {
    if (runs.isEmpty()) {
      return new RunArchive(period, start, 0, null, 0, null, false);
    }
    Path file = Files.createTempFile(dir, "archive", ".jsonl.gz");
    MessageDigest md5 = md5();
    ArchiveJson json = new ArchiveJson();
    CountingStream counted = new CountingStream(Files.newOutputStream(file));
    try (OutputStream gzip =
            new GZIPOutputStream(
                new BufferedOutputStream(new DigestOutputStream(counted, md5), 1 << 16), 1 << 16);
        JsonGenerator gen = JSON.createGenerator(gzip)) {
      gen.setRootValueSeparator(null); // one record per line, nothing between them
      for (RunRecord run : runs) {
        json.write(gen, run, run.id() % LEGACY_EVERY == 0);
        gen.writeRaw('\n');
      }
    }
    String hash = HexFormat.of().formatHex(md5.digest());
    return new RunArchive(period, start, runs.size(), file, counted.count, hash, false);
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has MD5", e);
    }
  }

  /** Deletes the files. */
  @Override
  public void close() {
    try (var files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the simulator's archives in " + dir, e);
    }
  }

  private static final class CountingStream extends java.io.FilterOutputStream {
    private long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
