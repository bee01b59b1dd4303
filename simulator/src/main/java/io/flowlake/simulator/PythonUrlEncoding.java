package io.flowlake.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code urllib.parse} as Django and DRF use it: {@code parse_qsl(keep_blank_values=True)}
 * to read a query string, {@code quote_plus} to write one, and DRF's {@code replace_query_param},
 * which rebuilds a URL's query sorted by key. The {@code next} links the server sends are built
 * this way (docs/rapidpro-api.md §3), so their encoding matches the real server's.
 */
final class PythonUrlEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PythonUrlEncoding() {}

  /** {@code parse_qsl(query, keep_blank_values=True)}: pairs in order, fields split on '&'. */
  static List<Map.Entry<String, String>> parsePairs(String rawQuery) {
    List<Map.Entry<String, String>> pairs = new ArrayList<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return pairs;
    }
    for (String field : rawQuery.split("&", -1)) {
      if (field.isEmpty()) {
        continue;
      }
      int eq = field.indexOf('=');
      String name = eq < 0 ? field : field.substring(0, eq);
      String value = eq < 0 ? "" : field.substring(eq + 1);
      pairs.add(new SimpleEntry<>(unquotePlus(name), unquotePlus(value)));
    }
    return pairs;
  }

  /** {@code unquote_plus}: '+' is a space, {@code %XX} are UTF-8 bytes (bad ones become U+FFFD). */
  static String unquotePlus(String s) {
    if (s.indexOf('%') < 0) {
      return s.replace('+', ' ');
    }
    StringBuilder out = new StringBuilder(s.length());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '%' && isHex(s, i + 1)) {
        bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 3;
        continue;
      }
      if (bytes.size() > 0) {
        out.append(bytes.toString(StandardCharsets.UTF_8));
        bytes.reset();
      }
      out.append(c == '+' ? ' ' : c);
      i++;
    }
    if (bytes.size() > 0) {
      out.append(bytes.toString(StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  private static boolean isHex(String s, int at) {
    return at + 1 < s.length()
        && Character.digit(s.charAt(at), 16) >= 0
        && Character.digit(s.charAt(at + 1), 16) >= 0
        && s.charAt(at) < 128
        && s.charAt(at + 1) < 128;
  }

  /** {@code quote_plus}: letters, digits and {@code _.-~} stay, space is '+', the rest %XX. */
  static String quotePlus(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '_'
          || c == '.'
          || c == '-'
          || c == '~') {
        out.append((char) c);
      } else if (c == ' ') {
        out.append('+');
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }

  /** {@code urlencode(pairs)}. */
  static String urlencode(List<Map.Entry<String, String>> pairs) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> pair : pairs) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(quotePlus(pair.getKey())).append('=').append(quotePlus(pair.getValue()));
    }
    return out.toString();
  }

  /**
   * DRF's {@code replace_query_param(url, key, value)}: parse the query into a dict of lists
   * ({@code parse_qs}), set the key, and encode the items sorted by key.
   */
  static String replaceQueryParam(String url, String key, String value) {
    int q = url.indexOf('?');
    String base = q < 0 ? url : url.substring(0, q);
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (Map.Entry<String, String> pair : parsePairs(q < 0 ? "" : url.substring(q + 1))) {
      params.computeIfAbsent(pair.getKey(), k -> new ArrayList<>()).add(pair.getValue());
    }
    params.put(key, List.of(value));
    List<Map.Entry<String, String>> sorted = new ArrayList<>();
    params.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> e.getValue().forEach(v -> sorted.add(new SimpleEntry<>(e.getKey(), v))));
    return base + "?" + urlencode(sorted);
  }
}
