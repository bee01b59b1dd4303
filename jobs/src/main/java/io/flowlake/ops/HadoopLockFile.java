package io.flowlake.ops;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Optional;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A lock file on a Hadoop file system. HDFS creates without overwrite and renames atomically, so
 * the lock holds there; object stores (s3a://) do neither, so two runs started in the same second
 * may both take it (README: schedule one runner per lake on object stores).
 */
final class HadoopLockFile implements LockFile {

  private final FileSystem fs;
  private final Path file;

  HadoopLockFile(FileSystem fs, Path file) {
    this.fs = fs;
    this.file = file;
  }

  @Override
  public boolean createNew(byte[] content) throws IOException {
    if (fs.exists(file)) {
      return false;
    }
    try (OutputStream out = fs.create(file, false)) {
      out.write(content);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    }
  }

  @Override
  public Optional<Snapshot> read() throws IOException {
    return read(file);
  }

  @Override
  public void touch() throws IOException {
    try {
      fs.setTimes(file, System.currentTimeMillis(), -1);
    } catch (UnsupportedOperationException e) {
      // object stores keep no settable times: the lease then runs from the lock's creation
    }
  }

  @Override
  public void delete() throws IOException {
    fs.delete(file, false);
  }

  @Override
  public boolean moveAside(String suffix) throws IOException {
    try {
      return fs.rename(file, aside(suffix));
    } catch (FileNotFoundException e) {
      return false;
    }
  }

  @Override
  public boolean moveBack(String suffix) throws IOException {
    return fs.rename(aside(suffix), file);
  }

  @Override
  public Optional<Snapshot> readAside(String suffix) throws IOException {
    return read(aside(suffix));
  }

  @Override
  public void deleteAside(String suffix) throws IOException {
    fs.delete(aside(suffix), false);
  }

  @Override
  public String location() {
    return file.toString();
  }

  private Path aside(String suffix) {
    return new Path(file.getParent(), file.getName() + suffix);
  }

  private Optional<Snapshot> read(Path path) throws IOException {
    try {
      FileStatus status = fs.getFileStatus(path);
      try (InputStream in = fs.open(path)) {
        return Optional.of(
            new Snapshot(in.readAllBytes(), Instant.ofEpochMilli(status.getModificationTime())));
      }
    } catch (FileNotFoundException e) {
      return Optional.empty();
    }
  }
}
