package io.flowlake.api;

/**
 * Reads a whole {@code runs.json} page (docs/rapidpro-api.md §2.1); a run we cannot store becomes a
 * {@link RejectedRecord} and the rest of the page is kept (see {@link RecordPageParser}).
 */
public final class RunPageParser {

  private RunPageParser() {}

  public static RunPage parse(String url, byte[] body) {
    RecordPageParser.Parsed<RunRecord> page =
        RecordPageParser.parse(body, "runs", RunRecordParser::read);
    return new RunPage(url, page.records(), page.rejects(), page.next());
  }
}
