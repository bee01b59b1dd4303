package io.flowlake.api;

import io.flowlake.config.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the {@code --api} setting into a canonical server address: lower-case scheme and host, no
 * trailing slash, no trailing {@code /api/v2} (people paste the API root from the docs).
 */
final class ApiAddress {

  private static final String SCHEMES = "use http://host:port or https://host";
  private static final Pattern LOOPBACK_V4 =
      Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

  private ApiAddress() {}

  static URI normalize(String text) {
    if (text == null || text.isBlank()) {
      throw new ConfigException("--api is missing: " + SCHEMES);
    }
    String trimmed = text.strip();
    if (!trimmed.contains("://")) {
      throw new ConfigException("--api '" + trimmed + "' has no scheme: " + SCHEMES);
    }
    URI uri = parse(trimmed);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new ConfigException(
          "--api '" + trimmed + "' has scheme '" + uri.getScheme() + "': " + SCHEMES);
    }
    if (uri.getRawUserInfo() != null) {
      throw new ConfigException(
          "--api '"
              + trimmed.replace(uri.getRawUserInfo(), "***")
              + "' carries credentials: remove them and pass the token with RAPIDPRO_TOKEN or"
              + " --token-file");
    }
    if (uri.getHost() == null) {
      throw new ConfigException("--api '" + trimmed + "' has no host: " + SCHEMES);
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new ConfigException(
          "--api '" + trimmed + "' has a query or fragment: give only the server address");
    }
    return rebuild(trimmed, scheme, uri);
  }

  /** True when requests to {@code api} never leave this machine, so plain http exposes nothing. */
  static boolean isLoopback(URI api) {
    String host = api.getHost();
    return host.equals("localhost") || host.equals("[::1]") || LOOPBACK_V4.matcher(host).matches();
  }

  /** {@code api} as text without a trailing slash, ready for a path to be appended. */
  static String base(URI api) {
    String text = api.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  private static URI parse(String text) {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw new ConfigException(
          "--api '" + text + "' is not a valid URL (" + e.getReason() + "): " + SCHEMES);
    }
  }

  private static URI rebuild(String text, String scheme, URI uri) {
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    path = path.replaceAll("/+$", "");
    if (path.endsWith("/api/v2")) {
      path = path.substring(0, path.length() - "/api/v2".length());
    }
    int endpoint = path.indexOf("/api/v2/");
    if (endpoint >= 0 || path.endsWith(".json")) {
      // people paste an endpoint from the API explorer; every request would then 404
      String base =
          scheme + "://" + uri.getRawAuthority() + path.substring(0, Math.max(0, endpoint));
      throw new ConfigException(
          "--api '" + text + "' names an API endpoint: give the server's base URL, e.g. " + base);
    }
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    try {
      return new URI(scheme + "://" + host + port + path);
    } catch (URISyntaxException e) {
      throw new ConfigException("--api '" + text + "' is not a valid URL: " + SCHEMES);
    }
  }
}
