package io.flowlake.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenSourceTest {

  @TempDir Path dir;

  @Test
  void theTokenBeatsTheFileWhichBeatsTheEnvironment() throws Exception {
    Path file = Files.writeString(dir.resolve("token"), "from-file\n");
    assertThat(TokenSource.resolve("given", file.toString(), "from-env")).isEqualTo("given");
    assertThat(TokenSource.resolve(null, file.toString(), "from-env")).isEqualTo("from-file");
    assertThat(TokenSource.resolve(null, null, " from-env\n")).isEqualTo("from-env");
  }

  @Test
  void noTokenSaysWhereToPutOne() {
    assertThatThrownBy(() -> TokenSource.resolve(null, null, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("RAPIDPRO_TOKEN")
        .hasMessageContaining("--token-file");
  }

  @Test
  void anEmptyOrMissingFileIsNamedNeverQuoted() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty"), "\n");
    assertThatThrownBy(() -> TokenSource.resolve(null, empty.toString(), "from-env"))
        .hasMessageContaining(empty.toString())
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> TokenSource.resolve(null, dir.resolve("nope").toString(), null))
        .hasMessageContaining("nope");
  }
}
