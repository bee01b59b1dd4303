package io.flowlake.api;

/**
 * The server refused the token (RapidPro answers 403, not 401: docs/rapidpro-api.md pitfall 13).
 */
public class TokenRejectedException extends ApiException {

  public TokenRejectedException(String message) {
    super(message);
  }
}
