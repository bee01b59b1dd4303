package io.flowlake.models;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One string that changes whenever the marts would be shaped differently from the same rows: the
 * models' SQL and audits (a new release), their schema version, and the segment settings. Marts
 * computed under another fingerprint are rebuilt whole, never patched flow by flow.
 */
final class MartsFingerprint {

  private MartsFingerprint() {}

  static String of(ModelCatalog catalog, SegmentSettings segments) {
    MessageDigest digest = sha256();
    update(digest, "schema_version " + catalog.schemaVersion());
    for (Model model : catalog.models()) {
      update(digest, model.name() + " " + model.materialized() + "\n" + model.sql());
      for (String audit : model.audits()) {
        update(digest, audit + "\n" + catalog.auditSql(audit));
      }
    }
    update(digest, segments.toString());
    return "v" + catalog.schemaVersion() + "-" + HexFormat.of().formatHex(digest.digest());
  }

  private static void update(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }
}
