package io.flowlake.ops;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * The one file a {@link RunLock} lives in. Creation must be atomic (exactly one of two racing
 * creators wins) and its modification time is the holder's heartbeat.
 */
interface LockFile {

  /** Contents and last heartbeat of a lock file that exists. */
  record Snapshot(byte[] content, Instant heartbeat) {}

  /** Creates the file with {@code content}; false when it exists already. */
  boolean createNew(byte[] content) throws IOException;

  Optional<Snapshot> read() throws IOException;

  /** Sets the modification time to now: the holder is alive. */
  void touch() throws IOException;

  void delete() throws IOException;

  /** Moves the file to {@code suffix} beside it; false when it is gone or the target exists. */
  boolean moveAside(String suffix) throws IOException;

  /** Moves a file set aside by {@link #moveAside} back; false when the lock exists again. */
  boolean moveBack(String suffix) throws IOException;

  /** Reads the file set aside under {@code suffix}. */
  Optional<Snapshot> readAside(String suffix) throws IOException;

  void deleteAside(String suffix) throws IOException;

  String location();
}
