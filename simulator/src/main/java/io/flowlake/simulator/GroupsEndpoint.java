package io.flowlake.simulator;

import io.flowlake.api.ContactGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/v2/groups.json}: RapidPro's {@code GroupsEndpoint}, the workspace's groups newest
 * first ({@code CreatedOnCursorPagination}) with their member counts now; filterable by {@code
 * uuid} or {@code name} (case-insensitive), not both.
 */
final class GroupsEndpoint {
  private final Workspace workspace;

  GroupsEndpoint(Workspace workspace) {
    this.workspace = workspace;
  }

  ApiResponse list(ApiRequest request) {
    QueryParams params = request.params();
    // ListAPIMixin.check_query, before any filter: exclusive_params = ("uuid", "name").
    if (params.isSet("uuid") && params.isSet("name")) {
      throw ApiError.badRequest("You may only specify one of the uuid, name parameters");
    }
    UUID uuid = params.uuid("uuid");
    String name = params.get("name");
    CursorPagination.Page<ContactGroup> page =
        workspace.read(
            store -> {
              List<ContactGroup> all = groups(store);
              List<ContactGroup> rows = new ArrayList<>();
              for (ContactGroup g : all) {
                if ((uuid == null || uuid.toString().equals(g.uuid()))
                    && (name == null || name.isEmpty() || name.equalsIgnoreCase(g.name()))) {
                  rows.add(g);
                }
              }
              return CursorPagination.paginate(
                  new InMemoryRows<>(
                      rows, g -> store.contacts().definedAt(all.indexOf(g)), all::indexOf),
                  true,
                  params.get("cursor"),
                  request.absoluteUrl());
            });
    return ApiResponse.json(200, PageJson.groups(page));
  }

  /** The workspace's groups in creation order, with their counts now. */
  static List<ContactGroup> groups(RunStore store) {
    ContactStore contacts = store.contacts();
    long[] counts = contacts.groupCounts();
    List<ContactGroup> groups = new ArrayList<>();
    for (GroupCatalog.Group g : contacts.groups().all()) {
      groups.add(
          new ContactGroup(g.uuid(), g.name(), g.query(), "ready", g.system(), counts[g.index()]));
    }
    return groups;
  }
}
