package io.flowlake.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PersonalDataTest {

  private static final byte[] KEY = "test-key-not-a-secret".getBytes(StandardCharsets.UTF_8);
  private static final String URN = "tel:+250788000001";

  @Test
  void dropKeepsNothingAndKeepKeepsTheValue() {
    assertThat(PersonalData.drop().protect(URN)).isNull();
    assertThat(PersonalData.keep().protect(URN)).isEqualTo(URN);
    assertThat(PersonalData.hashed(KEY).protect((String) null)).isNull();
  }

  @Test
  void hashIsTheKeyedHmacOfTheValueWrittenInHex() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
    String expected =
        "hmac:" + HexFormat.of().formatHex(mac.doFinal(URN.getBytes(StandardCharsets.UTF_8)));

    assertThat(PersonalData.hashed(KEY).protect(URN)).isEqualTo(expected);
  }

  @Test
  void hashIsStableUnderOneKeyAndDiffersUnderAnother() {
    String first = PersonalData.hashed(KEY).protect(URN);
    String again = PersonalData.hashed(KEY.clone()).protect(URN);
    String otherKey = PersonalData.hashed("another".getBytes(StandardCharsets.UTF_8)).protect(URN);

    assertThat(again).isEqualTo(first);
    assertThat(otherKey).isNotEqualTo(first).doesNotContain("250788000001");
  }

  @Test
  void neverShowsTheKey() {
    assertThat(PersonalData.hashed(KEY).toString()).isEqualTo("PersonalData[hash]");
  }

  @Test
  void refusesAnEmptyKeyAndAnUnknownPolicy() {
    assertThatThrownBy(() -> PersonalData.hashed(new byte[0]))
        .hasMessage("the personal-data key is empty");
    assertThatThrownBy(() -> PersonalDataPolicy.parse("mask"))
        .hasMessage("personal-data policy 'mask' is not one of drop|hash|keep");
    assertThat(PersonalDataPolicy.parse(" Hash ")).isEqualTo(PersonalDataPolicy.HASH);
  }
}
