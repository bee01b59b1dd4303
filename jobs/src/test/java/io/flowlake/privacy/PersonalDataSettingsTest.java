package io.flowlake.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowlake.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalDataSettingsTest {

  private static final String URN = "tel:+250788000001";

  @TempDir Path dir;

  @Test
  void theKeyFileWinsOverTheVariableAndLosesItsTrailingNewline() throws Exception {
    Path file = Files.writeString(dir.resolve("key"), "file-key\r\n");

    PersonalData fromFile = PersonalDataSettings.resolve("hash", file, "env-key");

    assertThat(fromFile.protect(URN))
        .isEqualTo(PersonalData.hashed(bytes("file-key")).protect(URN))
        .isNotEqualTo(PersonalData.hashed(bytes("env-key")).protect(URN));
    assertThat(PersonalDataSettings.resolve("hash", null, "env-key").protect(URN))
        .isEqualTo(PersonalData.hashed(bytes("env-key")).protect(URN));
  }

  @Test
  void dropIsTheDefaultSpellingAndKeepNeedsNoKey() {
    assertThat(PersonalDataSettings.resolve("drop", null, null).policy())
        .isEqualTo(PersonalDataPolicy.DROP);
    assertThat(PersonalDataSettings.resolve("keep", null, null).policy())
        .isEqualTo(PersonalDataPolicy.KEEP);
  }

  @Test
  void refusesHashWithoutAKeyAnEmptyOrMissingKeyFileAndAnUnknownPolicy() throws Exception {
    assertThatThrownBy(() -> PersonalDataSettings.resolve("hash", null, ""))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "the personal-data policy 'hash' needs a key: set FLOWLAKE_PII_KEY or --pii-key-file FILE");
    Path empty = Files.writeString(dir.resolve("empty"), "\n");
    assertThatThrownBy(() -> PersonalDataSettings.resolve("hash", empty, "env-key"))
        .hasMessage(
            "the key file " + empty + " (--pii-key-file) is empty: put the lake's key in it");
    Path missing = dir.resolve("missing");
    assertThatThrownBy(() -> PersonalDataSettings.resolve("hash", missing, null))
        .hasMessage(
            "cannot read the key file "
                + missing
                + " (--pii-key-file): NoSuchFileException; give a readable file");
    assertThatThrownBy(() -> PersonalDataSettings.resolve("mask", null, null))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "personal-data policy 'mask' is not one of drop|hash|keep: give --personal-data drop,"
                + " hash or keep");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
