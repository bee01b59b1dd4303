package io.flowlake.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Typed reads of the parser's current token. A value of the wrong type fails with a {@link
 * RecordFormatException} whose reason names the field, so one odd record is rejected instead of
 * being stored with a silently coerced value.
 */
final class StrictJson {

  private StrictJson() {}

  /**
   * Checks that the parser stands on the start of an object; walk its fields with {@link
   * #nextField}.
   */
  static void startObject(JsonParser p, String what) {
    expect(p, JsonToken.START_OBJECT, what, "an object");
  }

  /**
   * Moves to the value of the object's next field, whose name is then {@code p.currentName()};
   * false, standing on {@code END_OBJECT}, when there are no more. The caller must consume each
   * value whole ({@code p.skipChildren()} for values it has no use for).
   */
  static boolean nextField(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.FIELD_NAME) {
      return false;
    }
    p.nextToken();
    return true;
  }

  static void expect(JsonParser p, JsonToken token, String field, String description) {
    if (p.currentToken() != token) {
      throw wrongType(p, field, description);
    }
  }

  static String string(JsonParser p, String field) throws IOException {
    String value = nullableString(p, field);
    if (value == null) {
      throw wrongType(p, field, "a string");
    }
    return value;
  }

  static String nullableString(JsonParser p, String field) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(p, JsonToken.VALUE_STRING, field, "a string");
    return p.getText();
  }

  static Long nullableLong(JsonParser p, String field) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(p, JsonToken.VALUE_NUMBER_INT, field, "an integer");
    if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw new RecordFormatException(field + " " + clip(p.getText()) + " is out of range");
    }
    return p.getLongValue();
  }

  static boolean bool(JsonParser p, String field) {
    JsonToken token = p.currentToken();
    if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
      throw wrongType(p, field, "true or false");
    }
    return token == JsonToken.VALUE_TRUE;
  }

  static Instant nullableTimestamp(JsonParser p, String field) throws IOException {
    String text = nullableString(p, field);
    if (text == null) {
      return null;
    }
    try {
      return Timestamps.parse(text);
    } catch (DateTimeParseException e) {
      throw new RecordFormatException(field + " '" + clip(text) + "' is not a timestamp");
    }
  }

  /**
   * {@code {"uuid", "name"}}, a reference to another object; its uuid is the join key, so it must
   * be there.
   */
  static NamedRef namedRef(JsonParser p, String field) throws IOException {
    startObject(p, field);
    String uuid = null;
    String name = null;
    while (nextField(p)) {
      switch (p.currentName()) {
        case "uuid" -> uuid = string(p, field + ".uuid");
        case "name" -> name = nullableString(p, field + ".name");
        default -> p.skipChildren();
      }
    }
    if (uuid == null) {
      throw new RecordFormatException(field + ".uuid is missing");
    }
    return new NamedRef(uuid, name);
  }

  static RecordFormatException wrongType(JsonParser p, String field, String expected) {
    return new RecordFormatException(field + " must be " + expected + ", not " + describe(p));
  }

  /** Keeps reasons short: a reason is one line in the rejects table, not a copy of the record. */
  static String clip(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }

  private static String describe(JsonParser p) {
    JsonToken token = p.currentToken();
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.asString() == null ? token.name() : token.asString();
    };
  }
}
