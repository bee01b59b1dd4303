package io.flowlake.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.flowlake.api.ContactGroup;
import io.flowlake.api.ContactRecord;
import io.flowlake.api.RunRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The list envelopes: {@code {"next","previous","results"}} (docs/rapidpro-api.md §2.1), no count.
 */
final class PageJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private PageJson() {}

  static byte[] runs(CursorPagination.Page<RunRecord> page, boolean anonymous, boolean paths) {
    RunJson json = new RunJson(anonymous);
    return write(
        page.next(),
        page.previous(),
        gen -> {
          for (RunRecord run : page.rows()) {
            json.write(gen, run, paths);
          }
        });
  }

  static byte[] flows(CursorPagination.Page<FlowsEndpoint.FlowRow> page) {
    return write(
        page.next(),
        page.previous(),
        gen -> {
          for (FlowsEndpoint.FlowRow row : page.rows()) {
            FlowJson.write(gen, row.flow(), row.counts());
          }
        });
  }

  static byte[] contacts(CursorPagination.Page<ContactRecord> page, boolean anonymous) {
    return write(
        page.next(),
        page.previous(),
        gen -> {
          for (ContactRecord contact : page.rows()) {
            ContactJson.writeContact(gen, contact, anonymous);
          }
        });
  }

  static byte[] fields(CursorPagination.Page<FieldsEndpoint.FieldRow> page) {
    return write(
        page.next(),
        page.previous(),
        gen -> {
          for (FieldsEndpoint.FieldRow row : page.rows()) {
            ContactJson.writeField(gen, row.field(), row.groupUsages());
          }
        });
  }

  static byte[] groups(CursorPagination.Page<ContactGroup> page) {
    return write(
        page.next(),
        page.previous(),
        gen -> {
          for (ContactGroup group : page.rows()) {
            ContactJson.writeGroup(gen, group);
          }
        });
  }

  /** Limit/offset pagination's envelope, which also has {@code count} (docs/rapidpro-api.md §5). */
  static byte[] emptyWithCount() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    try (JsonGenerator gen = FACTORY.createGenerator(out)) {
      gen.writeStartObject();
      gen.writeNumberField("count", 0);
      gen.writeNullField("next");
      gen.writeNullField("previous");
      gen.writeArrayFieldStart("results");
      gen.writeEndArray();
      gen.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private interface Results {
    void write(JsonGenerator gen) throws IOException;
  }

  private static byte[] write(String next, String previous, Results results) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
    try (JsonGenerator gen = FACTORY.createGenerator(out)) {
      gen.writeStartObject();
      gen.writeStringField("next", next);
      gen.writeStringField("previous", previous);
      gen.writeArrayFieldStart("results");
      results.write(gen);
      gen.writeEndArray();
      gen.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
