package io.flowlake.api;

import static io.flowlake.api.RunJson.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArchiveListingParserTest {

  @Test
  void readsThePythonClientsArchivesPage() {
    ArchivePage page =
        ArchiveListingParser.parse(Fixtures.bytes("rapidpro-python_v2_archives_page.json"));

    assertThat(page.next()).isNull();
    assertThat(page.count()).isNull();
    assertThat(page.archives())
        .extracting(ArchiveInfo::type, ArchiveInfo::startDate, ArchiveInfo::recordCount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("run", "2018-04-01", 1L),
            org.assertj.core.groups.Tuple.tuple("message", "2018-04-01", 10L),
            org.assertj.core.groups.Tuple.tuple("message", "2018-03-01", 100L),
            org.assertj.core.groups.Tuple.tuple("run", "2018-03-01", 1000L));
    assertThat(page.archives().get(3))
        .isEqualTo(
            new ArchiveInfo(
                "run",
                "2018-03-01",
                "monthly",
                1000,
                2300,
                "f0d79988b7772c003d04a28bd7417a62",
                "http://s3-bucket.aws.com/my/archive.jsonl.gz"));
  }

  @Test
  void readsTheCurrentServerShapeWithCountAndEmptyArchives() {
    String body =
        """
        {"count": 2, "next": "https://textit.com/api/v2/archives.json?limit=1&offset=1",
         "previous": null,
         "results": [{"archive_type": "run", "type": "run", "start_date": "2026-02-01",
                      "period": "daily", "record_count": 0, "size": 0, "hash": null,
                      "download_url": null}]}""";

    ArchivePage page = ArchiveListingParser.parse(utf8(body));

    assertThat(page.count()).isEqualTo(2L);
    assertThat(page.next()).isEqualTo("https://textit.com/api/v2/archives.json?limit=1&offset=1");
    assertThat(page.archives())
        .containsExactly(new ArchiveInfo("run", "2026-02-01", "daily", 0, 0, null, null));
  }

  @Test
  void callsAnArchiveWithoutItsDatesMalformed() {
    String body = "{\"next\": null, \"results\": [{\"type\": \"run\", \"size\": 3}]}";

    assertThatThrownBy(() -> ArchiveListingParser.parse(utf8(body)))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("archives page: an archive lacks");
  }
}
