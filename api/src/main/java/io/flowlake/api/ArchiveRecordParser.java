package io.flowlake.api;

import java.util.List;

/**
 * Reads one line of a run archive into the row shape of an API run (docs/rapidpro-api.md §6): the
 * shared {@link RunRecordParser} accepts the archive's {@code +00:00} timestamps, {@code input},
 * legacy {@code events}, {@code submitted_by} and list-form {@code values}; here the record is
 * normalized as the archive defines it: no {@code start}, a contact without URN, and at most {@link
 * #MAX_PATH_STEPS} path steps (older archives kept more).
 */
public final class ArchiveRecordParser {

  /** rp-archiver's {@code LIMIT 500} on path steps, applied since 2021-10 (ARC 43fd559). */
  public static final int MAX_PATH_STEPS = 500;

  private ArchiveRecordParser() {}

  /**
   * @throws RecordFormatException if the line is not JSON or not a run we can store
   */
  public static RunRecord parse(String line) {
    return normalize(RunRecordParser.parseLine(line));
  }

  static RunRecord normalize(RunRecord run) {
    Contact c = run.contact();
    List<PathStep> path = run.path() == null ? List.of() : run.path();
    if (path.size() > MAX_PATH_STEPS) {
      path = List.copyOf(path.subList(0, MAX_PATH_STEPS));
    }
    return new RunRecord(
        run.uuid(),
        run.id(),
        run.flowUuid(),
        run.flowName(),
        new Contact(c.uuid(), c.name(), null, null, null),
        null,
        run.responded(),
        path,
        run.values(),
        run.createdOn(),
        run.modifiedOn(),
        run.exitedOn(),
        run.exitType());
  }
}
