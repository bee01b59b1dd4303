package io.flowlake.api;

import java.io.Serializable;
import java.util.List;

/**
 * A contact field of the workspace, as {@code /api/v2/fields.json} lists it.
 *
 * @param key the key contacts' {@code fields} objects use
 * @param name the display name (the deprecated {@code label})
 * @param type one of {@link #TYPES} (the deprecated {@code value_type} says {@code numeric} for
 *     {@code number}); kept as sent, so a type added later is not lost
 */
public record ContactField(String key, String name, String type) implements Serializable {

  /** The field types RapidPro knows today. */
  public static final List<String> TYPES =
      List.of("text", "number", "datetime", "state", "district", "ward");
}
