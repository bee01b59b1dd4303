package io.flowlake.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the {@code rejects} table may keep of a refused record under a {@link PersonalData} policy.
 * Under {@code keep} the raw text and reason stay as they came. Otherwise:
 *
 * <ul>
 *   <li>a record that parses as JSON (a run of the API or of an archive line, a contact) is written
 *       back compact with the policy applied to every personal value: {@code urn}, {@code
 *       urn_display} and {@code urns} anywhere, the {@code name} of a {@code contact} object, and
 *       of a contact record (an object with {@code urns}) its {@code name} and {@code fields};
 *   <li>a record that does not parse keeps no text at all: {@code <unparseable: N bytes from
 *       LOCATION>}, since nothing says which of its bytes are a person's;
 *   <li>a reason keeps its words but not the record's values it quotes.
 * </ul>
 */
public final class RejectScrubber implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Set<String> URN_KEYS = Set.of("urn", "urn_display", "urns");
  private static final Pattern QUOTED = Pattern.compile("'[^']*'");
  private static final String NOT_JSON = "not JSON";

  private final PersonalData personalData;

  public RejectScrubber(PersonalData personalData) {
    this.personalData = personalData;
  }

  /** The raw text the lake may keep of a record refused at {@code location}. */
  public String raw(String raw, String location) {
    if (raw == null || personalData.policy() == PersonalDataPolicy.KEEP) {
      return raw;
    }
    JsonNode tree;
    try {
      tree = JSON.readTree(raw);
    } catch (JsonProcessingException e) {
      tree = null;
    }
    if (tree == null || tree.isMissingNode()) {
      int bytes = raw.getBytes(StandardCharsets.UTF_8).length;
      return "<unparseable: " + bytes + " bytes from " + location + ">";
    }
    return protect(tree).toString();
  }

  /** The reason without the values it quotes (a clipped timestamp, a parser's token). */
  public String reason(String reason) {
    if (reason == null || personalData.policy() == PersonalDataPolicy.KEEP) {
      return reason;
    }
    if (reason.startsWith(NOT_JSON)) {
      return NOT_JSON; // the JSON parser's message quotes the text it choked on
    }
    return QUOTED.matcher(reason).replaceAll("'…'");
  }

  private JsonNode protect(JsonNode node) {
    if (node instanceof ObjectNode object) {
      boolean contactRecord = object.has("urns");
      for (Map.Entry<String, JsonNode> field : List.copyOf(object.properties())) {
        String key = field.getKey();
        JsonNode value = field.getValue();
        if (URN_KEYS.contains(key) || (contactRecord && isPersonOf(key))) {
          object.set(key, value(value));
        } else if (key.equals("contact") && value instanceof ObjectNode contact) {
          if (contact.has("name")) {
            contact.set("name", value(contact.get("name")));
          }
          protect(contact);
        } else {
          protect(value);
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(this::protect);
    }
    return node;
  }

  private static boolean isPersonOf(String key) {
    return key.equals("name") || key.equals("fields");
  }

  /** The policy applied to every scalar inside {@code value}, its shape kept. */
  private JsonNode value(JsonNode value) {
    if (value instanceof ObjectNode object) {
      List.copyOf(object.properties())
          .forEach(field -> object.set(field.getKey(), value(field.getValue())));
      return object;
    }
    if (value instanceof ArrayNode array) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      array.forEach(item -> out.add(value(item)));
      return out;
    }
    if (value == null || value.isNull()) {
      return value;
    }
    String kept = personalData.protect(value.asText());
    return kept == null
        ? JsonNodeFactory.instance.nullNode()
        : JsonNodeFactory.instance.textNode(kept);
  }
}
