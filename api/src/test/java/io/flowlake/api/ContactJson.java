package io.flowlake.api;

/**
 * Hand-written contacts.json, fields.json and groups.json bodies in the current server's shape
 * (RapidPro's test_contacts.py, test_fields.py, test_groups.py), with obviously synthetic people.
 */
final class ContactJson {

  static final String GROUP = "00000000-0000-4000-8000-0000000000a1";
  static final String FLOW = "00000000-0000-4000-8000-0000000000f1";

  private ContactJson() {}

  static String contact(String uuid) {
    return """
        {"uuid": "%s", "name": "Test Contact 0001", "status": "active", "language": "kin",
         "urns": ["tel:+15550100001", "whatsapp:15550100001"],
         "groups": [{"uuid": "%s", "name": "U-Reporters"}],
         "notes": [],
         "fields": {"gender": "female", "born": "1999", "district": "Rwanda > Kigali City > Nyarugenge",
                    "registration_date": "2025-06-01T14:03:22+02:00", "nickname": null},
         "flow": {"uuid": "%s", "name": "Registration"},
         "created_on": "2025-05-30T08:00:00.123456Z",
         "modified_on": "2026-01-05T10:00:02.5Z",
         "last_seen_on": "2026-01-04T09:00:00Z",
         "blocked": false, "stopped": false}"""
        .formatted(uuid, GROUP, FLOW);
  }

  /** As RapidPro shows a contact in an anonymous workspace: masked URNs, ref and anon_display. */
  static String anonymous(String uuid) {
    return """
        {"uuid": "%s", "name": "Test Contact 0002", "ref": "0000000042", "anon_display": "0000000042",
         "status": "stopped", "language": null, "urns": ["tel:********"], "groups": [], "notes": [],
         "fields": {"gender": null}, "flow": null,
         "created_on": "2025-05-30T08:00:00Z", "modified_on": "2026-01-05T10:00:03Z",
         "last_seen_on": null, "blocked": false, "stopped": true}"""
        .formatted(uuid);
  }

  /** As the deleted=true listing shows a released contact. */
  static String deleted(String uuid) {
    return """
        {"uuid": "%s", "name": null, "status": null, "language": null, "urns": [], "groups": [],
         "notes": [], "fields": {}, "flow": null,
         "created_on": "2025-05-30T08:00:00Z", "modified_on": "2026-02-01T00:00:00.000001Z",
         "last_seen_on": null, "blocked": null, "stopped": null}"""
        .formatted(uuid);
  }

  static final String FIELDS_PAGE =
      """
      {"next": null, "previous": null, "results": [
        {"key": "registration_date", "name": "Registration Date", "type": "datetime", "featured": false,
         "priority": 0, "usages": {"flows": 0, "groups": 0, "campaign_events": 2},
         "agent_access": "view", "label": "Registration Date", "value_type": "datetime"},
        {"key": "born", "name": "Born", "type": "number", "featured": true, "priority": 1,
         "usages": {"flows": 3, "groups": 1, "campaign_events": 0},
         "agent_access": "view", "label": "Born", "value_type": "numeric"},
        {"key": "district", "label": "District", "value_type": "district"}
      ]}""";

  static final String GROUPS_PAGE =
      """
      {"next": null, "previous": null, "results": [
        {"uuid": "00000000-0000-4000-8000-0000000000a3", "name": "Youth", "query": "born > 2000",
         "status": "evaluating", "system": false, "count": 12},
        {"uuid": "00000000-0000-4000-8000-0000000000a1", "name": "U-Reporters", "query": null,
         "status": "ready", "system": false, "count": 315},
        {"uuid": "00000000-0000-4000-8000-0000000000a0", "name": "Open Tickets",
         "query": "tickets > 0", "status": "ready", "system": true, "count": 0}
      ]}""";
}
