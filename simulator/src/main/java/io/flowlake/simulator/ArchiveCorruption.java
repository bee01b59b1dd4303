package io.flowlake.simulator;

/**
 * Ways an archive can be broken in storage, for tests of a backfill's checks (docs/rapidpro-api.md
 * §5-6).
 */
public enum ArchiveCorruption {
  /** The listing's MD5 does not match the file. */
  BAD_HASH,
  /** The file was cut short before upload: size and MD5 match it, but gunzip fails. */
  TRUNCATED_GZIP,
  /** The listing's {@code record_count} is one more than the file's lines. */
  WRONG_RECORD_COUNT
}
