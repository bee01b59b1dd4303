package io.flowlake.api;

/**
 * A response body that is not the JSON page we asked for: an HTML error page from a proxy, a body
 * cut short, an envelope without {@code results}. Worth retrying: it is usually transient.
 */
public class MalformedResponseException extends ApiException {

  public MalformedResponseException(String message) {
    super(message);
  }

  public MalformedResponseException(String message, Throwable cause) {
    super(message, cause);
  }
}
