package io.flowlake.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A plain java.net.http client for the simulator, as a test would call any RapidPro server. */
final class SimulatorHttp {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final URI base;
  private final String token;

  SimulatorHttp(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** GET a path ("/api/v2/runs.json?...") or an absolute URL, with the token. */
  HttpResponse<String> get(String pathOrUrl) {
    return get(pathOrUrl, "Token " + token);
  }

  HttpResponse<String> get(String pathOrUrl, String authorization) {
    URI uri = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : base.resolve(pathOrUrl);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every page from {@code first}, following {@code next} until it is null. */
  List<JsonNode> pages(String first) {
    List<JsonNode> pages = new ArrayList<>();
    String url = first;
    while (url != null) {
      HttpResponse<String> response = get(url);
      if (response.statusCode() != 200) {
        throw new AssertionError(response.statusCode() + " for " + url + ": " + response.body());
      }
      JsonNode page = json(response);
      pages.add(page);
      url = page.get("next").isNull() ? null : page.get("next").asText();
      if (pages.size() > 10_000) {
        throw new AssertionError("paging did not end at " + url);
      }
    }
    return pages;
  }

  /** The runs of all pages, in the order received. */
  static List<JsonNode> results(List<JsonNode> pages) {
    List<JsonNode> runs = new ArrayList<>();
    for (JsonNode page : pages) {
      page.get("results").forEach(runs::add);
    }
    return runs;
  }
}
