package io.flowlake.api;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/** One HTTP GET, nothing more: pacing, retries and parsing are the client's. Tests fake it. */
public interface Transport {

  /**
   * Sends a GET and returns whatever status came back; follows no redirects.
   *
   * @throws IOException when no answer arrived (timeout, refused connection, reset, unknown host)
   */
  HttpAnswer get(URI uri, Map<String, String> headers) throws IOException;
}
