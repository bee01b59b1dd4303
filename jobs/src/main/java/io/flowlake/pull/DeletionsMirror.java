package io.flowlake.pull;

import io.flowlake.lake.DeletionsWatermark;
import io.flowlake.lake.Erasure;
import io.flowlake.lake.LakePaths;
import io.flowlake.lake.LakeTables;
import io.flowlake.lake.OverlapDigest;
import io.flowlake.source.DeletedContacts;
import java.time.Instant;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * A pull's last step before its state: the contacts RapidPro deleted since the deletions watermark
 * (less the overlap; all of them on a lake's first pull or a {@code --full} one) are erased from
 * the lake ({@link Erasure}, origin {@code rapidpro}), then the watermark moves to the newest
 * deletion listed. Always done, even when contacts are not pulled: an erasure is an obligation, and
 * the deleted listing is short.
 */
final class DeletionsMirror {

  private final SparkSession spark;
  private final LakePaths paths;
  private OverlapDigest nextListing;

  DeletionsMirror(SparkSession spark, LakePaths paths) {
    this.spark = spark;
    this.paths = paths;
  }

  /** Erases the deletions listed up to {@code t0} (the pull's fixed upper bound). */
  Erasure.Erased mirror(PullSettings settings, Instant t0) {
    DeletionsWatermark watermark =
        new DeletionsWatermark(paths, spark.sparkContext().hadoopConfiguration());
    Instant previous = settings.full() ? null : watermark.get().orElse(null);
    Instant after = previous == null ? null : previous.minus(settings.overlap());
    DeletedContacts.Listing listing =
        DeletedContacts.list(
            settings.sourceOptions(), settings.contacts().requestsPerHour(), after, t0);
    Erasure.Erased erased =
        new Erasure(spark, paths).erase(listing.uuids(), LakeTables.ORIGIN_RAPIDPRO, t0);
    // A deletion record that did not parse names a contact not erased yet: the watermark stays, so
    // the next pull lists it again rather than passing over it for good.
    boolean readAll = listing.rejected() == 0;
    if (readAll
        && listing.newest() != null
        && (previous == null || listing.newest().isAfter(previous))) {
      watermark.set(listing.newest());
    }
    nextListing = readAll ? nextListing(listing, watermark.get(), settings) : null;
    return erased;
  }

  /**
   * What the next pull's listing will return if nothing is deleted meanwhile: the deletions this
   * one listed from the (possibly moved) watermark less the overlap on. Null after {@link #mirror}
   * listed records that did not parse, or before it ran.
   */
  OverlapDigest nextListing() {
    return nextListing;
  }

  private static OverlapDigest nextListing(
      DeletedContacts.Listing listing, Optional<Instant> watermark, PullSettings settings) {
    Instant after = watermark.map(w -> w.minus(settings.overlap())).orElse(null);
    OverlapDigest.Builder digest = new OverlapDigest.Builder(after);
    for (int i = 0; i < listing.uuids().size(); i++) {
      Instant at = listing.deletedAt().get(i);
      if (after == null || !at.isBefore(after)) {
        digest.add(listing.uuids().get(i), at);
      }
    }
    return digest.digest();
  }
}
