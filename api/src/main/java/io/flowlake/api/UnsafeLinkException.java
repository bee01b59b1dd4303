package io.flowlake.api;

/**
 * A {@code next} link points somewhere other than the configured server; following it would send
 * the token there (docs/rapidpro-api.md §3: behind a misconfigured proxy the link's scheme or host
 * can differ).
 */
public class UnsafeLinkException extends ApiException {

  public UnsafeLinkException(String message) {
    super(message);
  }
}
