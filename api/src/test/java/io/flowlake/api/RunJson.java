package io.flowlake.api;

import java.nio.charset.StandardCharsets;

/** Hand-written run objects and pages in the current server's shape (docs/rapidpro-api.md §2.2). */
final class RunJson {

  private RunJson() {}

  static String run(String uuid) {
    return """
        {"id": 17, "uuid": "%s",
         "flow": {"uuid": "f5901b62-ba76-4003-9c62-72fdacc1b7b7", "name": "Favorite Color"},
         "contact": {"uuid": "d33e9ad5-5c35-414c-abd4-e7451c69ff1d", "name": "Frank",
                     "urn": "tel:+250788123123", "urn_display": "0788 123 123"},
         "start": {"uuid": "93a624ad-5440-415e-b49f-17bf42754acb"},
         "responded": true,
         "path": [{"node": "27a86a1b-6cc4-4ae3-b73d-89650966a82f", "time": "2026-01-05T10:00:00.000001Z"}],
         "values": {"color": {"name": "Color", "value": "red", "category": "Red",
                    "node": "27a86a1b-6cc4-4ae3-b73d-89650966a82f", "time": "2026-01-05T10:00:01.5Z"}},
         "created_on": "2026-01-05T10:00:00Z",
         "modified_on": "2026-01-05T10:00:02.123456Z",
         "exited_on": "2026-01-05T10:00:02.123456Z",
         "exit_type": "completed"}"""
        .formatted(uuid);
  }

  static String page(String next, String... runs) {
    String nextJson = next == null ? "null" : "\"" + next + "\"";
    return "{\"next\": "
        + nextJson
        + ", \"previous\": null, \"results\": ["
        + String.join(",\n", runs)
        + "]}";
  }

  static byte[] utf8(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
