package io.flowlake.cli;

import io.flowlake.api.ApiConfig;
import io.flowlake.api.ContactField;
import io.flowlake.api.ContactsClient;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The type of each contact field of the workspace, by key, from one fields.json request: what a
 * lake's first {@code run} checks its {@code --segment-by} against before any work, since the lake
 * has recorded no types yet. Field definitions carry no personal data.
 */
final class WorkspaceFieldTypes {

  private WorkspaceFieldTypes() {}

  static Map<String, String> of(ApiConfig config, int contactsRequestsPerHour) {
    Map<String, String> types = new LinkedHashMap<>();
    try (ContactsClient client = new ContactsClient(config, Math.max(1, contactsRequestsPerHour))) {
      for (ContactField field : client.fields()) {
        types.put(field.key(), field.type());
      }
    }
    return types;
  }
}
