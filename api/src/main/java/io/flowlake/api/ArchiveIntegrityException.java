package io.flowlake.api;

/**
 * An archive could not be downloaded intact (HTTP error, size, MD5, gzip or record count did not
 * match the listing) after every attempt. The message names the archive and what was wrong; nothing
 * of that archive may be merged.
 */
public final class ArchiveIntegrityException extends ApiException {

  public ArchiveIntegrityException(String message) {
    super(message);
  }
}
