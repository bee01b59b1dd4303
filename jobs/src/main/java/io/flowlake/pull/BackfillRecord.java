package io.flowlake.pull;

/**
 * What a backfill did.
 *
 * @param listed run archives the listing showed (empty ones included)
 * @param alreadyMerged non-empty archives skipped because the lake has them (same hash)
 * @param merged archives downloaded, checked and merged by this backfill
 * @param runs archive records read
 * @param rejects lines that could not be parsed (kept in {@code rejects})
 * @param monthsTouched {@code created_month} partitions rewritten
 * @param seconds wall time
 */
public record BackfillRecord(
    int listed,
    int alreadyMerged,
    int merged,
    long runs,
    long rejects,
    int monthsTouched,
    double seconds) {}
