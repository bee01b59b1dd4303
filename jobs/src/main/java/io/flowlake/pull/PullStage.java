package io.flowlake.pull;

/**
 * The steps of a pull, in order; the first four are the steps of every landing of runs ({@link
 * RunLanding}). A listener sees each one as it completes; tests use it to kill a pull between any
 * two steps and prove that running it again converges to the same lake.
 */
public enum PullStage {
  FETCHED,
  RUNS_MERGED,
  RUN_VALUES_REFRESHED,
  REJECTS_KEPT,
  /** A chunk of windows is merged and its watermark recorded; more chunks follow. */
  CHUNK_COMMITTED,
  /** The contacts read is staged ({@link ContactsLanding}); nothing of the lake written yet. */
  CONTACTS_FETCHED,
  /** contacts, contact_fields and groups written; the contacts watermark not yet. */
  CONTACTS_MERGED,
  STATE_COMMITTED;

  /** Told of each completed stage, and when a pull starts and ends. */
  @FunctionalInterface
  public interface Listener {
    Listener NONE = stage -> {};

    void completed(PullStage stage);

    /**
     * A pull begins; its live counts go by {@code pullId} ({@link
     * io.flowlake.source.SourceMetrics#live}).
     */
    default void started(String pullId) {}

    /** The contacts RapidPro deleted since the last pull were erased: counts only. */
    default void erased(io.flowlake.lake.Erasure.Erased erased) {}

    /** The pull ended, whether it finished or failed; no more calls follow. */
    default void ended() {}
  }
}
