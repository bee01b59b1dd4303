package io.flowlake.models;

import static io.flowlake.models.RunRecordBuilder.run;

import io.flowlake.api.RunRecord;
import java.util.List;

/**
 * A small workspace that exercises every mart rule: all exit types, a renamed flow and result,
 * loops in paths, runs without paths, empty, numeric, non-numeric and free-text results.
 */
final class SampleRuns {

  private SampleRuns() {}

  static List<RunRecord> workspace() {
    return List.of(
        // f1 "Registration": paths, a numeric age with an "Other" number, a free-text name
        run("r1")
            .flow("f1", "Registration")
            .created("2024-03-01T10:00:00.250Z")
            .exited("completed", "2024-03-01T10:03:20.999Z")
            .responded()
            .path("A", "B", "C")
            .value("name", "Name", "Ann", "All Responses", "A")
            .value("age", "Age", "34", "Valid", "B")
            .value("color", "Color", "red", "Red", "C")
            .value("weight", "Weight", "70.5", "Valid", "C")
            .build(),
        run("r2")
            .flow("f1", "Registration")
            .created("2024-03-01T23:59:59.999999Z")
            .exited("completed", "2024-03-02T00:01:00Z")
            .responded()
            .path("A", "B", "C")
            .value("name", "Name", "Bob", "All Responses", "A")
            .value("age", "Age", " 27 ", "Valid", "B")
            .value("color", "Color", "blue", "Blue", "C")
            .value("weight", "Weight", "80", "Valid", "C")
            .build(),
        run("r3")
            .flow("f1", "Registration")
            .created("2024-03-02T08:00:00Z")
            .exited("expired", "2024-03-03T08:00:00Z")
            .path("A", "B")
            .value("name", "Name", "Cy", "All Responses", "A")
            .value("age", "Age", "", "No Response", "B")
            .build(),
        run("r4")
            .flow("f1", "Registration")
            .created("2024-03-02T09:00:00Z")
            .exited("interrupted", "2024-03-02T09:30:00Z")
            .responded()
            .path("A", "B", "A", "B")
            .value("name", "Name", "Di", "All Responses", "A")
            .value("age", "Age", "40", "Other", "B")
            .build(),
        run("r5")
            .flow("f1", "Registration")
            .created("2024-03-03T12:00:00Z")
            .modified("2024-03-03T12:05:00Z")
            .path("A")
            .value("name", "Name", "Ed", "All Responses", "A")
            .build(),
        run("r6")
            .flow("f1", "Registration")
            .created("2024-03-03T13:00:00Z")
            .exited("failed", "2024-03-03T13:00:02Z")
            .path("A", "B", "C")
            .value("color", "Color", "green", "Green", "C")
            .build(),
        run("r7")
            .flow("f1", "Registration")
            .created("2024-03-04T00:00:00Z")
            .modified("2024-03-04T01:00:00Z")
            .build(),
        run("r8")
            .flow("f1", "Registration v2")
            .created("2024-03-05T00:00:00Z")
            .exited("completed", "2024-03-05T00:10:00Z")
            .responded()
            .path("A", "B", "C")
            .value("age", "Age", "34", "Valid", "B")
            .value("color", "Colour", "RED", "Red", "C")
            .value("weight", "Weight", "65.25", "Valid", "C")
            .build(),
        run("r9")
            .flow("f1", "Registration v2")
            .created("2024-03-05T01:00:00Z")
            .exited("completed", "2024-03-05T01:00:00.5Z")
            .path()
            .build(),
        // f2 "Feedback": a rating that is not numeric because of one word in a matched category, a
        // latest run without a
        // flow name
        run("s1")
            .flow("f2", "Feedback")
            .created("2024-03-01T09:00:00Z")
            .exited("completed", "2024-03-01T09:02:00Z")
            .responded()
            .path("N1", "N2")
            .value("rating", "Rating", "5", "Five", "N1")
            .value("comment", "Comment", "great", "All Responses", "N2")
            .build(),
        run("s2")
            .flow("f2", "Feedback")
            .created("2024-03-01T10:00:00Z")
            .exited("completed", "2024-03-01T10:05:00Z")
            .responded()
            .path("N1", "N2")
            .value("rating", "Rating", "4", "Four", "N1")
            .value("comment", "Comment", "ok", "All Responses", "N2")
            .build(),
        run("s3")
            .flow("f2", "Feedback")
            .created("2024-03-02T10:00:00Z")
            .exited("expired", "2024-03-03T10:00:00Z")
            .path("N1")
            .value("rating", "Rating", "", "No Response", "N1")
            .build(),
        run("s4")
            .flow("f2", "Feedback")
            .created("2024-03-02T11:00:00Z")
            .modified("2024-03-02T11:01:00Z")
            .responded()
            .path("N1")
            .value("rating", "Rating", "five", "Words", "N1")
            .build(),
        run("s5")
            .flow("f2", null)
            .created("2024-03-06T10:00:00Z")
            .exited("completed", "2024-03-06T10:00:59Z")
            .responded()
            .path("N1", "N2")
            .value("rating", "Rating", "4", "Four", "N1")
            .value("comment", "Comment", "fine", "All Responses", "N2")
            .build(),
        // f3: pulled with paths=false; a result renamed from Question to Q
        run("t1")
            .flow("f3", "Paths off")
            .created("2024-02-01T10:00:00Z")
            .modified("2024-02-01T10:00:00Z")
            .value("q", "Question", "yes", "Yes", "Q1")
            .build(),
        run("t2")
            .flow("f3", "Paths off")
            .created("2024-02-02T10:00:00Z")
            .exited("completed", "2024-02-02T11:00:00Z")
            .responded()
            .value("q", "Q", "no", "No", "Q1")
            .build(),
        // f4: a flow nobody named
        run("u1")
            .flow("f4", null)
            .created("2024-01-15T10:00:00Z")
            .modified("2024-01-15T10:00:00Z")
            .build());
  }

  /** The same runs as {@link #workspace()} as if pulled with paths=false. */
  static List<RunRecord> withoutPaths() {
    return workspace().stream()
        .map(
            r ->
                new RunRecord(
                    r.uuid(),
                    r.id(),
                    r.flowUuid(),
                    r.flowName(),
                    r.contact(),
                    r.startUuid(),
                    r.responded(),
                    null,
                    r.values(),
                    r.createdOn(),
                    r.modifiedOn(),
                    r.exitedOn(),
                    r.exitType()))
        .toList();
  }
}
