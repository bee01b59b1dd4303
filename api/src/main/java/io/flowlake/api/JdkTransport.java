package io.flowlake.api;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * {@link Transport} over the JDK's {@link HttpClient}: HTTP/1.1 (what RapidPro's Django stack
 * serves), the configured timeout for connecting and for the whole response, and no redirects, so
 * the token is never carried to an address we did not check.
 */
public final class JdkTransport implements Transport {

  private final HttpClient client;
  private final Duration timeout;

  public JdkTransport(ApiConfig config) {
    this.timeout = config.requestTimeout();
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(timeout)
            .build();
  }

  @Override
  public HttpAnswer get(URI uri, Map<String, String> headers) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
    headers.forEach(request::header);
    try {
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new HttpAnswer(response.statusCode(), response.headers().map(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for " + uri.getHost());
    }
  }

  @Override
  public String toString() {
    return "JdkTransport[timeout=" + timeout + "]";
  }
}
