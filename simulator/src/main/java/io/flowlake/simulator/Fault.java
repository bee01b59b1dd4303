package io.flowlake.simulator;

/**
 * A failure the runs endpoint answers with instead of its page, for testing how a client copes.
 * Queue them on {@link Faults}.
 */
public record Fault(Kind kind, int status, int retryAfterSeconds) {

  public enum Kind {
    /** An error status: 500 from RapidPro itself, 502/503/504 from its proxy. */
    SERVER_ERROR,
    /** 429 as DRF sends it, with {@code Retry-After} when {@code retryAfterSeconds > 0}. */
    THROTTLED,
    /** 200 with an HTML page instead of JSON (a maintenance page or a captive portal). */
    HTML_PAGE,
    /** 200 with the real page's JSON cut in half. */
    TRUNCATED_JSON,
    /** The connection is closed without any answer. */
    DROPPED_CONNECTION
  }

  public static Fault serverError(int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("a server error has a 5xx status, not " + status);
    }
    return new Fault(Kind.SERVER_ERROR, status, 0);
  }

  public static Fault throttled(int retryAfterSeconds) {
    if (retryAfterSeconds < 1) {
      throw new IllegalArgumentException("Retry-After must be at least 1 s: " + retryAfterSeconds);
    }
    return new Fault(Kind.THROTTLED, 429, retryAfterSeconds);
  }

  /**
   * A 429 without {@code Retry-After}, as DRF sends when its wait cannot be computed
   * (docs/rapidpro-api.md §4).
   */
  public static Fault throttledWithoutRetryAfter() {
    return new Fault(Kind.THROTTLED, 429, 0);
  }

  public static Fault htmlPage() {
    return new Fault(Kind.HTML_PAGE, 200, 0);
  }

  public static Fault truncatedJson() {
    return new Fault(Kind.TRUNCATED_JSON, 200, 0);
  }

  public static Fault droppedConnection() {
    return new Fault(Kind.DROPPED_CONNECTION, 0, 0);
  }

  /** The answer, for every kind but {@link Kind#TRUNCATED_JSON}, which cuts the real one. */
  ApiResponse response() {
    return switch (kind) {
      case SERVER_ERROR ->
          status == 500
              ? ApiResponse.of(ApiError.serverError())
              : ApiResponse.html(status, proxyPage(status));
      case THROTTLED ->
          new RateThrottle.Refusal(retryAfterSeconds > 0 ? (double) retryAfterSeconds : null)
              .response(true);
      case HTML_PAGE -> ApiResponse.html(200, MAINTENANCE_PAGE);
      case DROPPED_CONNECTION -> ApiResponse.droppedConnection();
      case TRUNCATED_JSON ->
          throw new IllegalStateException("a truncated answer cuts the real one");
    };
  }

  private static final String MAINTENANCE_PAGE =
      "<!DOCTYPE html>\n<html><head><title>Down for maintenance</title></head>\n"
          + "<body><h1>We'll be right back</h1><p>The site is being upgraded.</p></body></html>\n";

  /** What nginx in front of the server answers when the application is unreachable. */
  private static String proxyPage(int status) {
    String reason =
        switch (status) {
          case 502 -> "Bad Gateway";
          case 503 -> "Service Temporarily Unavailable";
          case 504 -> "Gateway Time-out";
          default -> "Server Error";
        };
    String title = status + " " + reason;
    return "<html>\r\n<head><title>"
        + title
        + "</title></head>\r\n<body>\r\n<center><h1>"
        + title
        + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
  }
}
