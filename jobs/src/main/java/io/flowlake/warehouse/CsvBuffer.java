package io.flowlake.warehouse;

import java.util.Arrays;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The bytes of COPY CSV lines as they are written, UTF-8 throughout: Spark's strings are copied as
 * the bytes they already are, never decoded into Java strings. In UTF-8 a byte below 0x80 is always
 * that ASCII character, so quotes and control characters are found byte by byte.
 */
final class CsvBuffer {

  private static final String HEX = "0123456789ABCDEF";

  private byte[] bytes;
  private int size;

  CsvBuffer(int capacity) {
    this.bytes = new byte[capacity];
  }

  int size() {
    return size;
  }

  /** The bytes written so far, as an array of their exact length; the buffer is then empty. */
  byte[] take() {
    byte[] taken = Arrays.copyOf(bytes, size);
    size = 0;
    return taken;
  }

  void write(char ascii) {
    room(1);
    bytes[size++] = (byte) ascii;
  }

  void write(String ascii) {
    room(ascii.length());
    for (int i = 0; i < ascii.length(); i++) {
      bytes[size++] = (byte) ascii.charAt(i);
    }
  }

  /** {@code value}'s decimal digits, with a leading '-' if negative. */
  void write(long value) {
    write(Long.toString(value));
  }

  /** {@code value} zero-padded to {@code digits} digits; {@code value} is not negative. */
  void digits(int value, int digits) {
    room(digits);
    for (int i = size + digits - 1; i >= size; i--) {
      bytes[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    size += digits;
  }

  /** A CSV field's text: in quotes, each quote doubled. */
  void quoted(UTF8String text) {
    write('"');
    int from = size;
    raw(text);
    int quotes = 0;
    for (int i = from; i < size; i++) {
      if (bytes[i] == '"') {
        quotes++;
      }
    }
    if (quotes > 0) {
      room(quotes);
      int to = size + quotes;
      for (int i = size - 1; i >= from; i--) { // spread from the end, doubling each quote
        bytes[--to] = bytes[i];
        if (bytes[i] == '"') {
          bytes[--to] = '"';
        }
      }
      size += quotes;
    }
    write('"');
  }

  /**
   * A JSON string inside a quoted CSV field: JSON's escapes ({@code \"}, {@code \\}, control
   * characters), then each quote doubled for CSV.
   */
  void jsonString(UTF8String text) {
    write("\"\"");
    int from = size;
    raw(text);
    int end = size;
    boolean plain = true;
    for (int i = from; i < end && plain; i++) {
      plain = bytes[i] != '"' && bytes[i] != '\\' && (bytes[i] & 0xff) >= 0x20;
    }
    if (!plain) { // rare: move the text aside and write it again, escaped
      byte[] text8 = Arrays.copyOfRange(bytes, from, end);
      size = from;
      for (byte b : text8) {
        escaped(b);
      }
    }
    write("\"\"");
  }

  private void escaped(byte b) {
    switch (b) {
      case '"' -> write("\\\"\"");
      case '\\' -> write("\\\\");
      case '\n' -> write("\\n");
      case '\r' -> write("\\r");
      case '\t' -> write("\\t");
      case '\b' -> write("\\b");
      case '\f' -> write("\\f");
      default -> {
        if ((b & 0xff) < 0x20) {
          write("\\u00"); // upper-case hex, as Jackson (to_json) writes it
          write(HEX.charAt(b >> 4));
          write(HEX.charAt(b & 0xf));
        } else {
          room(1);
          bytes[size++] = b;
        }
      }
    }
  }

  private void raw(UTF8String text) {
    int length = text.numBytes();
    room(length);
    text.writeToMemory(bytes, Platform.BYTE_ARRAY_OFFSET + size);
    size += length;
  }

  private void room(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
