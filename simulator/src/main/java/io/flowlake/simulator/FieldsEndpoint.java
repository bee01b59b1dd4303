package io.flowlake.simulator;

import io.flowlake.api.ContactField;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/v2/fields.json}: RapidPro's {@code FieldsEndpoint}, the workspace's contact
 * fields newest first ({@code CreatedOnCursorPagination}), filterable by {@code key}.
 */
final class FieldsEndpoint {
  private final Workspace workspace;

  FieldsEndpoint(Workspace workspace) {
    this.workspace = workspace;
  }

  /** A field, its creation order and how many groups' queries use it. */
  record FieldRow(int index, ContactField field, long created, int groupUsages) {}

  ApiResponse list(ApiRequest request) {
    QueryParams params = request.params();
    String key = params.get("key");
    CursorPagination.Page<FieldRow> page =
        workspace.read(
            store -> {
              List<FieldRow> rows = new ArrayList<>();
              List<ContactField> fields = store.contacts().fields();
              for (int k = 0; k < fields.size(); k++) {
                ContactField f = fields.get(k);
                if (key == null || key.isEmpty() || key.equals(f.key())) {
                  rows.add(
                      new FieldRow(
                          k, f, store.contacts().definedAt(k), groupUsages(store, f.key())));
                }
              }
              return CursorPagination.paginate(
                  new InMemoryRows<>(rows, FieldRow::created, FieldRow::index),
                  true,
                  params.get("cursor"),
                  request.absoluteUrl());
            });
    return ApiResponse.json(200, PageJson.fields(page));
  }

  private static int groupUsages(RunStore store, String key) {
    return (int)
        store.contacts().groups().all().stream()
            .filter(g -> g.query() != null && g.query().startsWith(key + " "))
            .count();
  }
}
