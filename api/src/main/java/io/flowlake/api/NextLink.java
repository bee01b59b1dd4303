package io.flowlake.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Checks a page's {@code next} link before the token is sent to it. The link is followed as the
 * server wrote it (the cursor is opaque and carries every filter, docs/rapidpro-api.md §3), but
 * only to the configured scheme, host and port.
 */
final class NextLink {

  private NextLink() {}

  /**
   * @return the URL to fetch next, or null at the end
   * @throws UnsafeLinkException if the link leaves the configured server
   * @throws ApiException if the link is not a URL or points back at the page just fetched
   */
  static URI follow(URI api, URI current, String next) {
    if (next == null) {
      return null;
    }
    URI link = current.resolve(parse(current, next));
    if (!sameOrigin(api, link)) {
      throw new UnsafeLinkException(
          "the next page of "
              + current
              + " is on "
              + origin(link)
              + ", not on the configured "
              + origin(api)
              + ": refusing to send the token there (a proxy in front of RapidPro probably does not"
              + " pass on the original scheme, host or port; fix its forwarded headers)");
    }
    // More than 100,000 runs sharing one modified_on stall the cursor (pitfall 5).
    if (link.equals(current)) {
      throw new ApiException(
          "GET "
              + current
              + " names itself as the next page: the cursor cannot advance, probably because more"
              + " than 100,000 runs share one modified_on");
    }
    return link;
  }

  static boolean sameOrigin(URI api, URI link) {
    return api.getScheme().equalsIgnoreCase(String.valueOf(link.getScheme()))
        && api.getHost().equalsIgnoreCase(String.valueOf(link.getHost()))
        && port(api) == port(link);
  }

  private static URI parse(URI current, String next) {
    try {
      return new URI(next);
    } catch (URISyntaxException e) {
      throw new ApiException(
          "GET " + current + " gave a next page link that is not a URL: '" + next + "'");
    }
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static String origin(URI uri) {
    return String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT)
        + "://"
        + uri.getHost()
        + ":"
        + port(uri);
  }
}
