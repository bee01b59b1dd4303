package io.flowlake.models;

import io.flowlake.api.Contact;
import io.flowlake.api.PathStep;
import io.flowlake.api.ResultValue;
import io.flowlake.api.RunRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Readable run records for tests: {@code run("r1").flow("f1", "Survey").completed(...)}. */
final class RunRecordBuilder {

  private final String uuid;
  private String flowUuid = "flow-1";
  private String flowName = "Flow 1";
  private Contact contact;
  private boolean responded;
  private List<PathStep> path;
  private final Map<String, ResultValue> values = new LinkedHashMap<>();
  private Instant createdOn = Instant.parse("2024-03-01T00:00:00Z");
  private Instant modifiedOn;
  private Instant exitedOn;
  private String exitType;

  private RunRecordBuilder(String uuid) {
    this.uuid = uuid;
    this.contact =
        new Contact("contact-" + uuid, "Contact " + uuid, "tel:+1" + uuid.hashCode(), null, null);
  }

  static RunRecordBuilder run(String uuid) {
    return new RunRecordBuilder(uuid);
  }

  RunRecordBuilder flow(String uuid, String name) {
    this.flowUuid = uuid;
    this.flowName = name;
    return this;
  }

  RunRecordBuilder created(String instant) {
    this.createdOn = Instant.parse(instant);
    return this;
  }

  RunRecordBuilder modified(String instant) {
    this.modifiedOn = Instant.parse(instant);
    return this;
  }

  /** Exited with {@code exitType} at {@code instant}; also the last modification unless set. */
  RunRecordBuilder exited(String exitType, String instant) {
    this.exitType = exitType;
    this.exitedOn = Instant.parse(instant);
    return this;
  }

  RunRecordBuilder responded() {
    this.responded = true;
    return this;
  }

  /** Path steps one minute apart from the start; no call leaves the path null. */
  RunRecordBuilder path(String... nodes) {
    this.path = new ArrayList<>();
    for (int i = 0; i < nodes.length; i++) {
      path.add(new PathStep(nodes[i], createdOn.plusSeconds(60L * i)));
    }
    return this;
  }

  RunRecordBuilder value(String key, String name, String value, String category, String node) {
    values.put(key, new ResultValue(name, value, category, node, createdOn.plusSeconds(30), null));
    return this;
  }

  RunRecord build() {
    Instant modified = modifiedOn != null ? modifiedOn : exitedOn != null ? exitedOn : createdOn;
    return new RunRecord(
        uuid, null, flowUuid, flowName, contact, null, responded, path, values, createdOn, modified,
        exitedOn, exitType);
  }
}
