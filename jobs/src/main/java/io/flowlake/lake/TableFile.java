package io.flowlake.lake;

import java.io.Serializable;

/**
 * A data file written into a Delta table's directory and not yet committed.
 *
 * @param name the file's name, relative to the table's directory
 * @param size its length in bytes
 * @param modificationTime the file system's modification time, epoch milliseconds
 * @param rows the rows it holds
 */
public record TableFile(String name, long size, long modificationTime, long rows)
    implements Serializable {

  /** A file and the table it was written for, as a task reports it. */
  public record Of(String table, TableFile file) implements Serializable {}
}
