package io.flowlake.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * One run archive as rp-archiver leaves it: a period of {@code modified_on}, its record count, and
 * (unless empty) a gzipped JSON Lines file with its size and MD5. A test may corrupt it and repair
 * it; the listing and the download server always show its current state.
 */
public final class RunArchive {
  static final String DAILY = "daily";
  static final String MONTHLY = "monthly";

  private final String period;
  private final LocalDate startDate;
  private final int recordCount;
  private final Path file;
  private final long size;
  private final String hash;
  private final boolean rolledUp;
  private volatile ArchiveCorruption corruption;

  RunArchive(
      String period,
      LocalDate startDate,
      int recordCount,
      Path file,
      long size,
      String hash,
      boolean rolledUp) {
    this.period = period;
    this.startDate = startDate;
    this.recordCount = recordCount;
    this.file = file;
    this.size = size;
    this.hash = hash;
    this.rolledUp = rolledUp;
  }

  public String period() {
    return period;
  }

  public LocalDate startDate() {
    return startDate;
  }

  /** The record count the listing shows (wrong while {@link #corrupt corrupted} so). */
  public int listedRecordCount() {
    return corruption == ArchiveCorruption.WRONG_RECORD_COUNT ? recordCount + 1 : recordCount;
  }

  public int recordCount() {
    return recordCount;
  }

  /** Hidden from the listing: its records were rolled up into a monthly archive. */
  public boolean rolledUp() {
    return rolledUp;
  }

  public boolean empty() {
    return file == null;
  }

  /**
   * The storage key's file name, {@code run_D20260101_<md5>.jsonl.gz} (docs/rapidpro-api.md §6).
   */
  public String fileName() {
    String stamp =
        period.equals(DAILY)
            ? "D" + startDate.format(DateTimeFormatter.BASIC_ISO_DATE)
            : "M" + startDate.format(DateTimeFormatter.ofPattern("yyyyMM"));
    return "run_" + stamp + "_" + hash + ".jsonl.gz";
  }

  public void corrupt(ArchiveCorruption kind) {
    if (empty()) {
      throw new IllegalStateException("an empty archive has no file to corrupt");
    }
    corruption = kind;
  }

  public void repair() {
    corruption = null;
  }

  /** The bytes served: the whole file, or its first half when truncated. */
  long servedSize() {
    return corruption == ArchiveCorruption.TRUNCATED_GZIP ? size / 2 : size;
  }

  long listedSize() {
    return empty() ? 0 : servedSize();
  }

  /** The MD5 the listing shows: of the served bytes, or a wrong one when so corrupted. */
  String listedHash() {
    if (empty()) {
      return null;
    }
    if (corruption == ArchiveCorruption.BAD_HASH) {
      return new StringBuilder(hash).reverse().toString();
    }
    return corruption == ArchiveCorruption.TRUNCATED_GZIP ? md5OfServed() : hash;
  }

  InputStream open() throws IOException {
    return Files.newInputStream(file);
  }

  private String md5OfServed() {
    try (InputStream in = open()) {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      md5.update(in.readNBytes((int) servedSize()));
      return HexFormat.of().formatHex(md5.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
