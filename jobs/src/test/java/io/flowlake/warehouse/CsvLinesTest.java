package io.flowlake.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class CsvLinesTest {

  private static final List<FeedColumn> COLUMNS =
      List.of(
          FeedColumn.text("uuid"),
          FeedColumn.bigint("id"),
          FeedColumn.json("values"),
          FeedColumn.bool("responded"),
          FeedColumn.instant("created_on"),
          FeedColumn.text("name"));

  @Test
  void quotesTextAndJsonWithTheirQuotesDoubledAndLeavesNumbersBooleansAndInstantsBare() {
    String line =
        new CsvLines(COLUMNS, 0)
            .call(
                RowFactory.create(
                    "r-1",
                    "42",
                    "{\"age\":\"say \\\"hi\\\", then\nbye\"}",
                    "true",
                    "2026-12-01T10:00:00.000000Z",
                    "\""));
    assertThat(line)
        .isEqualTo(
            "\"r-1\",42,\"{\"\"age\"\":\"\"say \\\"\"hi\\\"\", then\nbye\"\"}\",true,"
                + "2026-12-01T10:00:00.000000Z,\"\"\"\"");
  }

  @Test
  void writesNullAsNothingAndAnEmptyTextAsQuotedSoCopyTellsThemApart() {
    String line =
        new CsvLines(COLUMNS, 1).call(RowFactory.create("", null, null, null, null, null, "d"));
    assertThat(line).isEqualTo("\"\",,,,,,d");
  }
}
