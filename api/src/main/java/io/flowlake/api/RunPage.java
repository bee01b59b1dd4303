package io.flowlake.api;

import java.io.Serializable;
import java.util.List;

/**
 * One page of {@code runs.json}.
 *
 * @param url the URL this page was fetched from
 * @param runs the runs that parsed, in page order
 * @param rejects the records that did not, with their exact JSON text
 * @param next the absolute URL of the following page, null at the end; store it as the checkpoint
 *     (docs/rapidpro-api.md §3: cursors are stateless and carry every filter)
 */
public record RunPage(String url, List<RunRecord> runs, List<RejectedRecord> rejects, String next)
    implements Serializable {

  public RunPage {
    runs = List.copyOf(runs);
    rejects = List.copyOf(rejects);
  }
}
