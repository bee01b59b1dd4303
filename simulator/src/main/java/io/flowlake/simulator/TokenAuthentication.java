package io.flowlake.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;

/**
 * RapidPro's API authentication (docs/rapidpro-api.md §1): {@code Authorization: Token <token>}, or
 * Basic auth with the token as password. Failures are 403, not 401, because the first
 * authentication class (sessions) sends no {@code WWW-Authenticate}; the details are DRF's.
 */
final class TokenAuthentication {
  static final String NOT_PROVIDED = "Authentication credentials were not provided.";

  private final byte[] token;

  TokenAuthentication(String token) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  /** Null when the request is authenticated, else the 403 detail. */
  String failure(String authorization) {
    String[] parts = authorization == null ? new String[0] : authorization.strip().split("\\s+");
    if (parts.length == 0 || parts[0].isEmpty()) {
      return NOT_PROVIDED;
    }
    String keyword = parts[0].toLowerCase(Locale.ROOT);
    if (keyword.equals("token")) {
      if (parts.length == 1) {
        return "Invalid token header. No credentials provided.";
      }
      if (parts.length > 2) {
        return "Invalid token header. Token string should not contain spaces.";
      }
      return matches(parts[1]) ? null : "Invalid token";
    }
    if (keyword.equals("basic")) {
      return basicFailure(parts);
    }
    return NOT_PROVIDED;
  }

  /** Basic auth is {@code email:token}; the simulator has one user and accepts any email. */
  private String basicFailure(String[] parts) {
    if (parts.length == 1) {
      return "Invalid basic header. No credentials provided.";
    }
    if (parts.length > 2) {
      return "Invalid basic header. Credentials string should not contain spaces.";
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "Invalid basic header. Credentials not correctly base64 encoded.";
    }
    int colon = decoded.indexOf(':'); // Python's partition: no colon means an empty password
    return matches(colon < 0 ? "" : decoded.substring(colon + 1)) ? null : "Invalid token or email";
  }

  private boolean matches(String candidate) {
    return MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
  }
}
