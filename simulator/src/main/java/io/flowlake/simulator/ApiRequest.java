package io.flowlake.simulator;

/**
 * What the endpoints need of an HTTP request. {@code absoluteUrl} is Django's {@code
 * build_absolute_uri()}: the scheme and the Host the client sent, the path and the raw query.
 */
record ApiRequest(
    String method, String path, String rawQuery, String authorization, String absoluteUrl) {

  QueryParams params() {
    return QueryParams.parse(rawQuery);
  }

  String pathAndQuery() {
    return rawQuery == null ? path : path + "?" + rawQuery;
  }

  static ApiRequest of(
      String method, String path, String rawQuery, String authorization, String host) {
    String url = "http://" + host + path + (rawQuery == null ? "" : "?" + rawQuery);
    return new ApiRequest(method, path, rawQuery, authorization, url);
  }
}
