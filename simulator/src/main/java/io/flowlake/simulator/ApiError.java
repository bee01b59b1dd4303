package io.flowlake.simulator;

/**
 * An error answer as DRF renders an {@code APIException}: the status and {@code {"detail": ...}}.
 * Status 500 is the Django error the server's exception handler turns into a plain text page.
 */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  ApiError(int status, String detail) {
    super(detail, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }

  String detail() {
    return getMessage();
  }

  static ApiError badRequest(String detail) {
    return new ApiError(400, detail);
  }

  /** RapidPro's {@code temba_exception_handler} answer to an unhandled exception. */
  static ApiError serverError() {
    return new ApiError(500, "Server Error. Site administrators have been notified.");
  }
}
