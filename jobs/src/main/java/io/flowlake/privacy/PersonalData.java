package io.flowlake.privacy;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

/**
 * A {@link PersonalDataPolicy} made applicable: turns a name or a URN into what the lake may keep,
 * as a plain value or as a Spark column.
 *
 * <p>{@code hash} is HMAC-SHA256 under the lake owner's key, written {@code hmac:<64 hex>}. It is
 * keyed because an unkeyed hash of a phone number is reversed by hashing every number; the same
 * value under the same key always gives the same hash (so pulls agree and joins work), and another
 * key gives another. The key lives only in this object and in the executors' copy of it: never in
 * the lake, a log or an error.
 */
public final class PersonalData implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String HASH_PREFIX = "hmac:";
  private static final String ALGORITHM = "HmacSHA256";

  /** What {@link #keyCheck} hashes: a fixed text, so two keys are compared without either. */
  private static final String KEY_CHECK_LABEL = "flowlake personal-data key check";

  private final PersonalDataPolicy policy;
  private final byte[] key;

  private PersonalData(PersonalDataPolicy policy, byte[] key) {
    this.policy = policy;
    this.key = key;
  }

  public static PersonalData drop() {
    return new PersonalData(PersonalDataPolicy.DROP, null);
  }

  public static PersonalData keep() {
    return new PersonalData(PersonalDataPolicy.KEEP, null);
  }

  /** {@code hash} under {@code key}, which must not be empty. */
  public static PersonalData hashed(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length == 0) {
      throw new IllegalArgumentException("the personal-data key is empty");
    }
    return new PersonalData(PersonalDataPolicy.HASH, key.clone());
  }

  public PersonalDataPolicy policy() {
    return policy;
  }

  /** What the lake keeps of {@code value}; {@code null} stays {@code null}. */
  public String protect(String value) {
    if (value == null) {
      return null;
    }
    return switch (policy) {
      case DROP -> null;
      case KEEP -> value;
      case HASH -> HASH_PREFIX + HexFormat.of().formatHex(mac(value));
    };
  }

  /** {@link #protect(String)} over a string column; keeps the column's name for the caller. */
  public Column protectColumn(Column value) {
    return switch (policy) {
      case DROP -> lit(null).cast(DataTypes.StringType);
      case KEEP -> value;
      case HASH -> udf((UDF1<String, String>) this::protect, DataTypes.StringType).apply(value);
    };
  }

  /**
   * Under {@code hash}, the HMAC of a fixed label: recorded in the lake so that a later pull under
   * another key is refused, while the key itself is never written; null under the other policies.
   */
  public String keyCheck() {
    return policy == PersonalDataPolicy.HASH ? protect(KEY_CHECK_LABEL) : null;
  }

  private byte[] mac(String value) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
    }
  }

  /** Never shows the key. */
  @Override
  public String toString() {
    return "PersonalData[" + policy.spelling() + "]";
  }
}
