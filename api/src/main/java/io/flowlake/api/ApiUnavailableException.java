package io.flowlake.api;

/** The server kept failing (5xx, I/O errors, unreadable bodies, endless 429s) past every retry. */
public class ApiUnavailableException extends ApiException {

  public ApiUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
