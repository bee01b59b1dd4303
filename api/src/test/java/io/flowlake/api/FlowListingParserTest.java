package io.flowlake.api;

import static io.flowlake.api.RunJson.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlowListingParserTest {

  static final String FLOWS_PAGE =
      """
      {"next": null, "previous": null, "results": [
        {"uuid": "5f05311e-8f81-4a67-a5b5-1501b6d6496a", "name": "Survey", "type": "message",
         "archived": false, "labels": [{"uuid": "l1", "name": "Important"}], "expires": 600,
         "runs": {"active": 47, "waiting": 3, "completed": 123, "interrupted": 2, "expired": 34,
                  "failed": 1},
         "results": [{"key": "has_water", "name": "Has Water", "categories": ["Yes", "No", "Other"],
                      "node_uuids": ["99afcda7-f928-4d4a-ad83-c90c96deb76d"]}],
         "parent_refs": [], "created_on": "2016-01-06T15:33:00.813162Z",
         "modified_on": "2017-01-07T13:14:00.453567Z"}]}""";

  @Test
  void readsNamesRunCountsAndResults() {
    PageEnvelope.Listing<FlowSummary> page = FlowListingParser.parse(utf8(FLOWS_PAGE));

    assertThat(page.next()).isNull();
    FlowSummary flow = page.items().get(0);
    assertThat(flow.uuid()).isEqualTo("5f05311e-8f81-4a67-a5b5-1501b6d6496a");
    assertThat(flow.name()).isEqualTo("Survey");
    assertThat(flow.runs().keySet())
        .containsExactly("active", "waiting", "completed", "interrupted", "expired", "failed");
    assertThat(flow.runs()).containsEntry("completed", 123L).containsEntry("failed", 1L);
    assertThat(flow.results())
        .containsExactly(new FlowResult("has_water", "Has Water", List.of("Yes", "No", "Other")));
  }
}
