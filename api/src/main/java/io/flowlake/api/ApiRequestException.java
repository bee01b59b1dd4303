package io.flowlake.api;

/**
 * The server refused the request itself (400, 404, other 4xx, a redirect): retrying cannot help.
 */
public class ApiRequestException extends ApiException {

  private final int status;

  public ApiRequestException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The HTTP status the server answered. */
  public int status() {
    return status;
  }
}
