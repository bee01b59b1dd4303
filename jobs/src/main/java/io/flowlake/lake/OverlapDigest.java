package io.flowlake.lake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a listing of records modified in {@code [after, now]} returns, reduced to a count and a
 * SHA-256 over the sorted {@code uuid|modified_on} lines (microseconds, as RapidPro gives them):
 * two listings with the same digest hold the same records at the same versions. Holds no uuid in
 * clear, so it may sit in {@code _state} and in logs.
 *
 * @param after the listing's inclusive lower bound; null for a listing of everything
 * @param count how many records it holds
 * @param sha256 hex SHA-256 of its sorted lines
 */
public record OverlapDigest(Instant after, long count, String sha256) {

  public OverlapDigest {
    Objects.requireNonNull(sha256, "sha256");
  }

  /** Collects a listing's records, in any order, then {@link #digest}s them. */
  public static final class Builder {
    private final Instant after;
    private final Map<String, Instant> records = new TreeMap<>();
    private boolean repeated;

    public Builder(Instant after) {
      this.after = after;
    }

    /** Adds one record; a uuid listed twice makes a digest that matches nothing recorded. */
    public Builder add(String uuid, Instant modifiedOn) {
      repeated |= records.put(uuid, modifiedOn.truncatedTo(ChronoUnit.MICROS)) != null;
      return this;
    }

    public long count() {
      return records.size();
    }

    public OverlapDigest digest() {
      MessageDigest sha = newSha256();
      records.forEach(
          (uuid, at) -> sha.update((uuid + "|" + at + "\n").getBytes(StandardCharsets.UTF_8)));
      String hex = HexFormat.of().formatHex(sha.digest());
      return new OverlapDigest(after, records.size(), repeated ? "repeated-" + hex : hex);
    }
  }

  /**
   * SHA-256 of {@code text}, in hex: for lists whose every field counts (field and group lists).
   */
  public static String sha256(String text) {
    return HexFormat.of().formatHex(newSha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  JsonNode toJson() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("after", after == null ? null : after.toString());
    n.put("count", count);
    n.put("sha256", sha256);
    return n;
  }

  static OverlapDigest fromJson(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    JsonNode after = n.get("after");
    return new OverlapDigest(
        after == null || after.isNull() ? null : Instant.parse(after.asText()),
        n.path("count").asLong(),
        n.path("sha256").asText());
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }
}
