package io.flowlake.api;

/**
 * A RapidPro request failed in a way the caller has to act on. Messages are one line, name the URL
 * or host involved and say what to do; they never contain the API token.
 */
public class ApiException extends RuntimeException {

  public ApiException(String message) {
    super(message);
  }

  public ApiException(String message, Throwable cause) {
    super(message, cause);
  }
}
