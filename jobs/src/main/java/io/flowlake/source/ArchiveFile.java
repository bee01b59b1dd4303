package io.flowlake.source;

import io.flowlake.api.ArchiveInfo;
import org.apache.spark.sql.connector.read.InputPartition;

/** One archive file: the unit of parallelism and of failure. */
record ArchiveFile(int index, ArchiveInfo archive) implements InputPartition {}
