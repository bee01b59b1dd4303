package io.flowlake.ops;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;

/**
 * A lock file on a local disk, through java.nio: Hadoop's local file system checks for an existing
 * file and then creates it, two steps another run can slip between; {@code CREATE_NEW} is one.
 */
final class LocalLockFile implements LockFile {

  private final Path file;

  LocalLockFile(Path file) {
    this.file = file;
  }

  @Override
  public boolean createNew(byte[] content) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), ".lock-", ".tmp");
    try {
      Files.write(tmp, content);
      // a hard link is created atomically and never replaces: the lock appears whole or not at all
      Files.createLink(file, tmp);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (UnsupportedOperationException e) {
      try {
        Files.write(file, content, java.nio.file.StandardOpenOption.CREATE_NEW);
        return true;
      } catch (FileAlreadyExistsException exists) {
        return false;
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  @Override
  public Optional<Snapshot> read() throws IOException {
    return read(file);
  }

  @Override
  public void touch() throws IOException {
    Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
  }

  @Override
  public void delete() throws IOException {
    Files.deleteIfExists(file);
  }

  @Override
  public boolean moveAside(String suffix) throws IOException {
    return move(file, aside(suffix));
  }

  @Override
  public boolean moveBack(String suffix) throws IOException {
    // rename(2) would replace a lock another run has taken meanwhile; a link never replaces
    try {
      Files.createLink(file, aside(suffix));
    } catch (FileAlreadyExistsException e) {
      return false;
    }
    Files.delete(aside(suffix));
    return true;
  }

  @Override
  public Optional<Snapshot> readAside(String suffix) throws IOException {
    return read(aside(suffix));
  }

  @Override
  public void deleteAside(String suffix) throws IOException {
    Files.deleteIfExists(aside(suffix));
  }

  @Override
  public String location() {
    return file.toString();
  }

  private Path aside(String suffix) {
    return file.resolveSibling(file.getFileName() + suffix);
  }

  private static boolean move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
      return true;
    } catch (NoSuchFileException | FileAlreadyExistsException e) {
      return false;
    }
  }

  private static Optional<Snapshot> read(Path path) throws IOException {
    try {
      FileTime modified = Files.getLastModifiedTime(path);
      return Optional.of(new Snapshot(Files.readAllBytes(path), modified.toInstant()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }
}
