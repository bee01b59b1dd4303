package io.flowlake.simulator;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * DRF's {@code CursorPagination.Cursor} and its wire form (docs/rapidpro-api.md §3): standard
 * base64 of the query string {@code o=<offset>&r=1&p=<position>}, each key left out when it has its
 * default.
 */
record Cursor(int offset, boolean reverse, String position) {
  /** RapidPro's {@code offset_cutoff}: more ties than this cannot be paged past. */
  static final int OFFSET_CUTOFF = 100_000;

  String encode() {
    List<Map.Entry<String, String>> tokens = new ArrayList<>(3);
    if (offset != 0) {
      tokens.add(new SimpleEntry<>("o", Integer.toString(offset)));
    }
    if (reverse) {
      tokens.add(new SimpleEntry<>("r", "1"));
    }
    if (position != null) {
      tokens.add(new SimpleEntry<>("p", position));
    }
    byte[] query = PythonUrlEncoding.urlencode(tokens).getBytes(StandardCharsets.US_ASCII);
    return Base64.getEncoder().encodeToString(query);
  }

  /** {@code decode_cursor}; any failure is the 404 "Invalid cursor". */
  static Cursor decode(String encoded) {
    String query = new String(base64(encoded), StandardCharsets.US_ASCII);
    Map<String, String> first = new HashMap<>();
    for (Map.Entry<String, String> token : PythonUrlEncoding.parsePairs(query)) {
      first.putIfAbsent(token.getKey(), token.getValue());
    }
    BigInteger offset = pythonInt(first.getOrDefault("o", "0"));
    if (offset.signum() < 0) {
      throw invalid();
    }
    boolean reverse = pythonInt(first.getOrDefault("r", "0")).signum() != 0;
    int capped = offset.min(BigInteger.valueOf(OFFSET_CUTOFF)).intValue();
    return new Cursor(capped, reverse, first.get("p"));
  }

  /**
   * Python's lenient {@code b64decode}: characters outside the alphabet are dropped, but the data
   * must still be padded right, and the decoded bytes must be ASCII.
   */
  private static byte[] base64(String encoded) {
    StringBuilder data = new StringBuilder(encoded.length());
    int padding = 0;
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c > 127) {
        throw invalid(); // encoded.encode('ascii') fails
      }
      if (c == '=') {
        padding++;
      } else if (Character.isLetterOrDigit(c) || c == '+' || c == '/') {
        data.append(c);
      }
    }
    int rest = data.length() % 4;
    if (rest == 1 || (rest == 2 && padding < 2) || (rest == 3 && padding < 1)) {
      throw invalid();
    }
    byte[] bytes = Base64.getDecoder().decode(data.toString());
    for (byte b : bytes) {
      if (b < 0) {
        throw invalid();
      }
    }
    return bytes;
  }

  private static BigInteger pythonInt(String text) {
    BigInteger value = PythonValues.integer(text);
    if (value == null) {
      throw invalid();
    }
    return value;
  }

  private static ApiError invalid() {
    return new ApiError(404, "Invalid cursor");
  }
}
