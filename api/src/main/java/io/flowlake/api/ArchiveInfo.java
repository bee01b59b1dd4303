package io.flowlake.api;

import java.io.Serializable;

/**
 * One entry of {@code /api/v2/archives.json} (docs/rapidpro-api.md §5).
 *
 * @param type {@code run} or {@code message}
 * @param startDate first UTC day of {@code modified_on} covered, {@code yyyy-MM-dd}
 * @param period {@code daily} or {@code monthly}
 * @param recordCount records in the file; skip archives with 0 (pitfall 18)
 * @param size bytes of the gzipped file
 * @param hash MD5 hex of the gzipped bytes; null for empty archives
 * @param downloadUrl presigned URL valid for 24 hours; null for empty archives
 */
public record ArchiveInfo(
    String type,
    String startDate,
    String period,
    long recordCount,
    long size,
    String hash,
    String downloadUrl)
    implements Serializable {

  /**
   * The storage key's stem, e.g. {@code run_D20260501} or {@code run_M202605} (docs/rapidpro-api.md
   * §6): names the archive in messages and rejects, and stays the same when RapidPro rewrites it.
   */
  public String name() {
    String digits = startDate.replace("-", "");
    return type
        + (period.equals("monthly")
            ? "_M" + digits.substring(0, Math.min(6, digits.length()))
            : "_D" + digits);
  }
}
