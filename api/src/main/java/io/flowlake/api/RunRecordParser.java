package io.flowlake.api;

import static io.flowlake.api.StrictJson.nextField;
import static io.flowlake.api.StrictJson.nullableLong;
import static io.flowlake.api.StrictJson.nullableString;
import static io.flowlake.api.StrictJson.nullableTimestamp;
import static io.flowlake.api.StrictJson.string;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reads one run object, from a page of {@code runs.json} or a line of a run archive, with Jackson's
 * streaming parser (a page holds 250 runs; no tree is built). Both shapes are accepted
 * (docs/rapidpro-api.md §2.2 and §6): archives have no {@code start} and a contact without URN,
 * {@code +00:00} timestamps, {@code input} in values, sometimes {@code events} and {@code
 * submitted_by} (skipped, like any field we do not know) and, from 2018, {@code values} as an
 * array.
 */
public final class RunRecordParser {

  private static final JsonFactory JSON = new JsonFactory();

  private RunRecordParser() {}

  /**
   * Reads one archive line (a whole JSON object, nothing after it).
   *
   * @throws RecordFormatException if the line is not JSON or not a run we can store
   */
  public static RunRecord parseLine(String json) {
    try (JsonParser p = JSON.createParser(json)) {
      p.nextToken();
      RunRecord run = read(p);
      if (p.nextToken() != null) {
        throw new RecordFormatException("unexpected content after the run object");
      }
      return run;
    } catch (JsonProcessingException e) {
      throw new RecordFormatException("not JSON: " + StrictJson.clip(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
  }

  /**
   * Reads the run object the parser stands on and leaves the parser on its {@code END_OBJECT}.
   *
   * @throws RecordFormatException if it is valid JSON but not a run we can store
   * @throws IOException if the JSON itself is broken
   */
  static RunRecord read(JsonParser p) throws IOException {
    StrictJson.startObject(p, "run");
    String uuid = null;
    Long id = null;
    String[] flow = null;
    Contact contact = null;
    String startUuid = null;
    boolean responded = false;
    List<PathStep> path = null;
    Map<String, ResultValue> values = Map.of();
    Instant createdOn = null;
    Instant modifiedOn = null;
    Instant exitedOn = null;
    String exitType = null;
    while (nextField(p)) {
      switch (p.currentName()) {
        case "uuid" -> uuid = string(p, "uuid");
        case "id" -> id = nullableLong(p, "id");
        case "flow" -> flow = RunPartsReader.readFlow(p);
        case "contact" -> contact = RunPartsReader.readContact(p);
        case "start" -> startUuid = RunPartsReader.readStart(p);
        case "responded" -> responded = StrictJson.bool(p, "responded");
        case "path" -> path = RunPartsReader.readPath(p);
        case "values" -> values = ResultValuesReader.read(p);
        case "created_on" -> createdOn = nullableTimestamp(p, "created_on");
        case "modified_on" -> modifiedOn = nullableTimestamp(p, "modified_on");
        case "exited_on" -> exitedOn = nullableTimestamp(p, "exited_on");
        case "exit_type" -> exitType = readExitType(p);
        default -> p.skipChildren();
      }
    }
    require(uuid, "uuid");
    require(flow, "flow");
    require(contact, "contact");
    require(createdOn, "created_on");
    require(modifiedOn, "modified_on");
    return new RunRecord(
        uuid,
        id,
        flow[0],
        flow[1],
        contact,
        startUuid,
        responded,
        path,
        values,
        createdOn,
        modifiedOn,
        exitedOn,
        exitType);
  }

  static void require(Object value, String field) {
    if (value == null) {
      throw new RecordFormatException(field + " is missing");
    }
  }

  private static String readExitType(JsonParser p) throws IOException {
    String exitType = nullableString(p, "exit_type");
    if (exitType != null && !RunRecord.EXIT_TYPES.contains(exitType)) {
      throw new RecordFormatException("unknown exit_type '" + StrictJson.clip(exitType) + "'");
    }
    return exitType;
  }
}
