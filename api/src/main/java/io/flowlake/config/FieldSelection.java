package io.flowlake.config;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which contact fields the lake keeps ({@code --contact-fields}): none (the default), every field
 * ({@code '*'}), or the listed keys. A contact's field values can be as personal as its name, so
 * nothing is kept unless asked for by key.
 *
 * @param all every field of the workspace, whatever its key
 * @param keys the listed keys, in the order given, without repeats; empty when {@code all}
 */
public record FieldSelection(boolean all, List<String> keys) implements Serializable {

  /** The option's type: a comma list of keys, or {@code *}. */
  public static final ValueType<FieldSelection> TYPE =
      new ValueType<>(
          "keys",
          "'*' or a comma list of field keys (lowercase letters, digits and _), e.g. gender,born",
          FieldSelection::parse);

  /** Keeps no field: the default. */
  public static final FieldSelection NONE = new FieldSelection(false, List.of());

  public static final FieldSelection ALL = new FieldSelection(true, List.of());

  /** The shape of the keys RapidPro gives its fields (docs/rapidpro-contacts.md). */
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,35}");

  public FieldSelection {
    keys = List.copyOf(keys);
  }

  /**
   * Parses {@code *}, an empty text (none) or {@code key,key,...}.
   *
   * @throws IllegalArgumentException for an empty item or a text that is not a key
   */
  public static FieldSelection parse(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return NONE;
    }
    if (trimmed.equals("*")) {
      return ALL;
    }
    Set<String> keys = new LinkedHashSet<>();
    for (String item : trimmed.split(",", -1)) {
      String key = item.strip();
      if (!KEY.matcher(key).matches()) {
        throw new IllegalArgumentException("not a field key: '" + key + "'");
      }
      keys.add(key);
    }
    return new FieldSelection(false, new ArrayList<>(keys));
  }

  /** Whether a field with this key is kept. */
  public boolean keeps(String key) {
    return all || keys.contains(key);
  }

  /**
   * Refuses a listed key the workspace has no field for, naming it and the closest key it has.
   *
   * @param workspaceKeys the keys of the workspace's fields (fields.json)
   * @throws ConfigException one line for the first unknown key
   */
  public void requireKnown(Collection<String> workspaceKeys) {
    for (String key : keys) {
      if (!workspaceKeys.contains(key)) {
        throw new ConfigException(
            "--contact-fields: the workspace has no contact field '"
                + key
                + "'"
                + NearestName.of(key, workspaceKeys)
                    .map(near -> " (did you mean '" + near + "'?)")
                    .orElse("")
                + "; its keys are listed by /api/v2/fields.json");
      }
    }
  }

  /** As the option is written: {@code *}, the keys joined by commas, or empty. */
  @Override
  public String toString() {
    return all ? "*" : String.join(",", keys);
  }
}
