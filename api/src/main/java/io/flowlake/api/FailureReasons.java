package io.flowlake.api;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/**
 * The exceptions {@link RetryPolicy} gives up with, worded for the person running the job: what
 * failed, where, and what to check. Our own words quote only URLs and hosts (the token lives in a
 * header); text we pass on from the server or the network is scrubbed of the token as well, in case
 * a misconfigured server echoes the request's headers back.
 */
final class FailureReasons {

  private final ApiConfig config;

  FailureReasons(ApiConfig config) {
    this.config = config;
  }

  String describe(Exception failure) {
    if (failure instanceof MalformedResponseException) {
      return failure.getMessage();
    }
    if (failure instanceof HttpConnectTimeoutException) {
      return "connecting timed out after " + config.requestTimeout().toSeconds() + "s";
    }
    if (failure instanceof HttpTimeoutException) {
      return "no complete answer within " + config.requestTimeout().toSeconds() + "s";
    }
    if (isUnknownHost(failure)) {
      return "unknown host";
    }
    if (failure instanceof ConnectException) {
      return "connection refused";
    }
    String message = failure.getMessage();
    String name = failure.getClass().getSimpleName();
    return message == null || message.isBlank() ? name : name + ": " + StrictJson.clip(message);
  }

  ApiException unavailable(RetryPolicy.Attempt attempt, int failures, String reason) {
    String host = host(attempt.uri());
    String advice =
        isUnreachable(attempt.failure())
            ? host + " is unreachable: check --api and that the server is up"
            : "check that " + host + " is a RapidPro server and reachable";
    return new ApiUnavailableException(
        redact(
            "GET "
                + attempt.uri()
                + " failed after "
                + failures
                + " attempts: "
                + reason
                + "; "
                + advice),
        attempt.failure());
  }

  ApiException throttledTooOften(RetryPolicy.Attempt attempt, int throttles) {
    return new ApiUnavailableException(
        "GET "
            + attempt.uri()
            + " was throttled (HTTP 429) "
            + throttles
            + " times in a row: something else is spending this workspace's API budget;"
            + " lower requestsPerHour or try later",
        null);
  }

  ApiException tokenRejected(RetryPolicy.Attempt attempt) {
    String detail = ErrorDetail.of(attempt.answer().body()).map(d -> " " + d).orElse("");
    return new TokenRejectedException(
        redact(
            "token rejected by "
                + host(attempt.uri())
                + " (HTTP "
                + attempt.status()
                + detail
                + "): check RAPIDPRO_TOKEN or --token-file"));
  }

  ApiException redirected(RetryPolicy.Attempt attempt) {
    String target =
        attempt.answer().header("Location").map(l -> " to " + StrictJson.clip(l)).orElse("");
    return new ApiRequestException(
        attempt.status(),
        redact(
            "GET "
                + attempt.uri()
                + " answered HTTP "
                + attempt.status()
                + " redirecting"
                + target
                + ": redirects are not followed, so the token stays put; set --api to the final"
                + " address"));
  }

  ApiException refused(RetryPolicy.Attempt attempt) {
    String detail = ErrorDetail.of(attempt.answer().body()).map(d -> ": " + d).orElse("");
    return new ApiRequestException(
        attempt.status(),
        redact("GET " + attempt.uri() + " answered HTTP " + attempt.status() + detail));
  }

  private String redact(String message) {
    return message.replace(config.token(), "***");
  }

  private static String host(URI uri) {
    return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
  }

  private static boolean isUnreachable(Exception failure) {
    return failure instanceof ConnectException
        || failure instanceof HttpConnectTimeoutException
        || isUnknownHost(failure);
  }

  // The JDK client reports an unknown host as a ConnectException caused by an
  // UnresolvedAddressException; other transports throw UnknownHostException.
  private static boolean isUnknownHost(Exception failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
        return true;
      }
    }
    return false;
  }
}
