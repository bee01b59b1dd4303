package io.flowlake.privacy;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the lake keeps of a contact's name and URNs: nothing ({@link #DROP}, the default), a keyed
 * hash that joins but cannot be read back ({@link #HASH}), or the value in clear ({@link #KEEP}, an
 * explicit opt-in).
 */
public enum PersonalDataPolicy {
  DROP,
  HASH,
  KEEP;

  /** The policy's name as the command line and the lake's record spell it. */
  public String spelling() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code drop|hash|keep}; anything else is refused with a line naming the choices. */
  public static PersonalDataPolicy parse(String text) {
    for (PersonalDataPolicy policy : values()) {
      if (policy.spelling().equals(text == null ? null : text.trim().toLowerCase(Locale.ROOT))) {
        return policy;
      }
    }
    throw new IllegalArgumentException(
        "personal-data policy '"
            + text
            + "' is not one of "
            + Arrays.stream(values())
                .map(PersonalDataPolicy::spelling)
                .collect(Collectors.joining("|")));
  }
}
