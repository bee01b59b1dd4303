package io.flowlake.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;

/**
 * Looks for strings (the simulator's people: names, URNs, phone numbers) in the raw bytes of files
 * and in captured output, as someone reading the disk would: no decoding, no Spark, no Delta.
 *
 * <p>A scan that finds nothing proves something only if it could have found something: Parquet
 * compresses pages (snappy by default), so a string that is in a file may not be in its bytes.
 * Write what is scanned with {@link #uncompressedParquet} and check, in a case that keeps the
 * strings, that the same scan finds them.
 */
public final class RawBytesScan {

  /** The session settings under which Parquet (and so Delta) writes strings as plain bytes. */
  public static final Map<String, String> UNCOMPRESSED_PARQUET =
      Map.of("spark.sql.parquet.compression.codec", "uncompressed");

  private final List<String> needles;
  private final List<String> found = new ArrayList<>();
  private int filesScanned;

  private RawBytesScan(Collection<String> needles) {
    this.needles =
        needles.stream().filter(Objects::nonNull).filter(n -> !n.isBlank()).distinct().toList();
    if (this.needles.isEmpty()) {
      throw new IllegalArgumentException("nothing to look for: a scan for no string always passes");
    }
  }

  /** A scan for these strings (nulls and blanks ignored; at least one must remain). */
  public static RawBytesScan lookingFor(Collection<String> needles) {
    return new RawBytesScan(needles);
  }

  /** Scans every regular file under {@code root} (nothing if it does not exist). */
  public RawBytesScan tree(Path root) {
    if (!Files.exists(root)) {
      return this;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        bytes(root.relativize(file).toString(), Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot scan " + root, e);
    }
    return this;
  }

  /** Scans captured text (a command's output) under the name {@code label}. */
  public RawBytesScan text(String label, String text) {
    return bytes(label, text.getBytes(StandardCharsets.UTF_8));
  }

  private RawBytesScan bytes(String label, byte[] content) {
    filesScanned++;
    // ISO-8859-1 maps each byte to one char, so a substring match is a byte-sequence match
    String haystack = new String(content, StandardCharsets.ISO_8859_1);
    for (String needle : needles) {
      String pattern =
          new String(needle.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
      if (haystack.contains(pattern)) {
        found.add(needle + " in " + label);
      }
    }
    return this;
  }

  /** Each string found, as {@code "<string> in <file or label>"}; empty when none was. */
  public List<String> found() {
    return List.copyOf(found);
  }

  /** The distinct strings found anywhere. */
  public TreeSet<String> stringsFound() {
    TreeSet<String> strings = new TreeSet<>();
    found.forEach(f -> strings.add(f.substring(0, f.lastIndexOf(" in "))));
    return strings;
  }

  /** How many files and texts were scanned: a scan of nothing proves nothing. */
  public int filesScanned() {
    return filesScanned;
  }

  /**
   * Runs {@code work} with {@link #UNCOMPRESSED_PARQUET} set on {@code spark} (the shared session,
   * which in-process commands use too), restoring the previous settings after.
   */
  public static <T> T withUncompressedParquet(SparkSession spark, Supplier<T> work) {
    RuntimeConfig conf = spark.conf();
    Map<String, String> before = new HashMap<>();
    UNCOMPRESSED_PARQUET
        .keySet()
        .forEach(k -> before.put(k, conf.contains(k) ? conf.get(k) : null));
    UNCOMPRESSED_PARQUET.forEach(conf::set);
    try {
      return work.get();
    } finally {
      before.forEach(
          (k, v) -> {
            if (v == null) {
              conf.unset(k);
            } else {
              conf.set(k, v);
            }
          });
    }
  }
}
