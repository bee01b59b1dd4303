package io.flowlake.simulator;

import java.util.Map;

/**
 * The browsable documentation RapidPro serves when an endpoint is asked for without the {@code
 * .json} suffix (docs/rapidpro-api.md §1): HTML with status 200, and no data.
 */
final class DocsPage {
  private static final Map<String, String> DESCRIPTIONS =
      Map.of(
          "/api/v2/runs", "Lists the flow runs of the workspace, most recently modified first.",
          "/api/v2/flows", "Lists the flows of the workspace, with run counts and results.",
          "/api/v2/archives", "Lists the archives of runs and messages of the workspace.",
          "/api/v2/contacts", "Lists the contacts of the workspace, most recently modified first.",
          "/api/v2/fields", "Lists the contact fields of the workspace.",
          "/api/v2/groups", "Lists the contact groups of the workspace, with their counts.",
          "/api/v2", "The workspace's API. Append .json to an endpoint's URL to get data.");

  private DocsPage() {}

  /** The page for {@code path}, or null when no endpoint has that path. */
  static ApiResponse forPath(String path) {
    String key =
        path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    String description = DESCRIPTIONS.get(key);
    if (description == null) {
      return null;
    }
    String name = key.substring(key.lastIndexOf('/') + 1);
    return ApiResponse.html(
        200,
        "<!DOCTYPE html>\n<html><head><title>API "
            + name
            + " - flowlake simulator</title></head>\n"
            + "<body><h1>"
            + name
            + "</h1><p>"
            + description
            + "</p>\n"
            + "<p>To get JSON, append <code>.json</code> to the URL, e.g. <code>"
            + key
            + ".json</code>, and authenticate with <code>Authorization: Token YOUR_API_TOKEN</code>.</p>\n"
            + "</body></html>\n");
  }
}
