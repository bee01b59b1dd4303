package io.flowlake.pull;

import io.flowlake.privacy.PersonalData;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What a pull needs beyond the lake: the {@code rapidpro} source options (API, token, pacing), the
 * overlap re-read below the watermark on incremental pulls (docs/rapidpro-api.md pitfall 4: a row
 * can become visible after its {@code modified_on} has been passed), whether to ignore the
 * watermark, and how many windows to merge and record at a time ({@code chunkWindows}), which
 * bounds what a crash makes the next pull fetch again, and what the lake keeps of contact names and
 * URNs ({@code personalData}: the contacts, erasure and rejects steps of a pull use the same).
 */
public record PullSettings(
    Map<String, String> sourceOptions,
    Duration overlap,
    boolean full,
    int chunkWindows,
    PersonalData personalData) {

  /**
   * Windows per chunk by default: ~1,500 pages, about 25 minutes at RapidPro's default budget, so a
   * crash costs at most that, while the merges (a Delta commit each) stay few.
   */
  public static final int DEFAULT_CHUNK_WINDOWS = 256;

  public PullSettings {
    sourceOptions = Map.copyOf(sourceOptions);
    Objects.requireNonNull(personalData, "personalData");
    if (chunkWindows < 1) {
      throw new IllegalArgumentException("chunkWindows must be positive: " + chunkWindows);
    }
  }

  /** Under the default policy, {@code drop}. */
  public PullSettings(
      Map<String, String> sourceOptions, Duration overlap, boolean full, int chunkWindows) {
    this(sourceOptions, overlap, full, chunkWindows, PersonalData.drop());
  }

  /** Under the default policy, {@code drop}, in chunks of {@link #DEFAULT_CHUNK_WINDOWS}. */
  public PullSettings(Map<String, String> sourceOptions, Duration overlap, boolean full) {
    this(sourceOptions, overlap, full, DEFAULT_CHUNK_WINDOWS);
  }

  @Override
  public String toString() {
    return "PullSettings[overlap="
        + overlap
        + ", full="
        + full
        + ", chunkWindows="
        + chunkWindows
        + ", personalData="
        + personalData
        + "]";
  }
}
