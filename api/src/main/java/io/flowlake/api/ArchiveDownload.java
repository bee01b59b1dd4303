package io.flowlake.api;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * One archive file, downloaded from its pre-signed URL and checked before a single record is read
 * (docs/rapidpro-api.md §5, pitfall 18): the gzipped bytes are streamed to a local temporary file
 * while their size and MD5 are computed, then gunzipped once to count the lines. Anything that does
 * not match the listing retries the download; after the last attempt the archive fails as a whole,
 * so a caller never sees part of a bad archive. Memory stays bounded whatever the file's size.
 *
 * <p>The storage host is not the API: no token and no {@code Authorization} header go there.
 */
public final class ArchiveDownload implements AutoCloseable {

  private static final int BUFFER = 1 << 16;

  private final ArchiveInfo archive;
  private final Path file;
  private final int attempts;

  private ArchiveDownload(ArchiveInfo archive, Path file, int attempts) {
    this.archive = archive;
    this.file = file;
    this.attempts = attempts;
  }

  /**
   * Downloads and checks {@code archive}, retrying up to {@code config.maxAttempts()} times.
   *
   * @throws ArchiveIntegrityException naming the archive and the last failed check
   */
  public static ArchiveDownload fetch(ArchiveInfo archive, ApiConfig config) {
    if (archive.recordCount() == 0) {
      throw new IllegalArgumentException(archive.name() + " is empty: there is nothing to fetch");
    }
    if (archive.downloadUrl() == null) {
      throw new ArchiveIntegrityException(
          "archive "
              + archive.name()
              + " lists "
              + archive.recordCount()
              + " records but no download_url; nothing of it was merged. Run backfill again"
              + " once RapidPro has uploaded it");
    }
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(config.requestTimeout())
            .build();
    String failure = null;
    Duration backoff = config.backoffBase();
    for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
      Path file = tempFile();
      try {
        failure = download(client, config, archive, file);
        if (failure == null) {
          return new ArchiveDownload(archive, file, attempt);
        }
      } catch (IOException e) {
        failure = "download failed (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
      } catch (RuntimeException | Error e) {
        delete(file);
        throw e;
      }
      delete(file);
      if (attempt < config.maxAttempts()) {
        sleep(backoff);
        backoff =
            backoff.multipliedBy(2).compareTo(config.backoffCap()) > 0
                ? config.backoffCap()
                : backoff.multipliedBy(2);
      }
    }
    throw new ArchiveIntegrityException(
        "archive "
            + archive.name()
            + " ("
            + archive.period()
            + " from "
            + archive.startDate()
            + ") is refused: "
            + failure
            + ", after "
            + config.maxAttempts()
            + " attempt(s); nothing of it was merged. Run backfill again once RapidPro serves it"
            + " intact");
  }

  /** The archive's lines, gunzipped as they are read; the caller closes the reader. */
  public BufferedReader lines() {
    try {
      return new BufferedReader(
          new InputStreamReader(
              new GZIPInputStream(Files.newInputStream(file), BUFFER), StandardCharsets.UTF_8),
          BUFFER);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reopen the checked archive " + archive.name(), e);
    }
  }

  public ArchiveInfo archive() {
    return archive;
  }

  /** How many downloads it took (1 when the first was intact). */
  public int attempts() {
    return attempts;
  }

  /** Deletes the local copy; idempotent. */
  @Override
  public void close() {
    delete(file);
  }

  /** One attempt: null when every check passed, else what was wrong. */
  private static String download(
      HttpClient client, ApiConfig config, ArchiveInfo archive, Path file) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(archive.downloadUrl()))
            .timeout(config.requestTimeout())
            .header("User-Agent", PageFetcher.USER_AGENT)
            .GET()
            .build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while downloading " + archive.name());
    }
    MessageDigest md5 = md5();
    long size = 0;
    try (InputStream body = new DigestInputStream(response.body(), md5);
        OutputStream out = Files.newOutputStream(file)) {
      if (response.statusCode() != 200) {
        return "the storage host answered HTTP "
            + response.statusCode()
            + (response.statusCode() == 403 ? " (the pre-signed URL may have expired)" : "");
      }
      byte[] buffer = new byte[BUFFER];
      for (int n; (n = body.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        size += n;
      }
    }
    if (size != archive.size()) {
      return "it is " + size + " bytes, the listing says " + archive.size();
    }
    String hash = HexFormat.of().formatHex(md5.digest());
    if (!hash.equalsIgnoreCase(String.valueOf(archive.hash()))) {
      return "its MD5 is " + hash + ", the listing says " + archive.hash();
    }
    long lines;
    try {
      lines = countLines(file);
    } catch (EOFException | ZipException e) {
      return "it is not a complete gzip file (" + e.getMessage() + ")";
    }
    if (lines != archive.recordCount()) {
      return "it holds " + lines + " records, the listing says " + archive.recordCount();
    }
    return null;
  }

  private static long countLines(Path file) throws IOException {
    long lines = 0;
    int last = '\n';
    try (InputStream in =
        new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER), BUFFER)) {
      byte[] buffer = new byte[BUFFER];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            lines++;
          }
        }
        if (n > 0) {
          last = buffer[n - 1];
        }
      }
    }
    return last == '\n' ? lines : lines + 1;
  }

  private static Path tempFile() {
    try {
      return Files.createTempFile("flowlake-archive", ".jsonl.gz");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary file for an archive", e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the temporary archive " + file, e);
    }
  }

  private static void sleep(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException("interrupted while waiting to download an archive again", e);
    }
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has MD5", e);
    }
  }
}
