package io.flowlake.simulator;

import io.flowlake.api.ContactRecord;
import java.util.List;
import java.util.UUID;
import java.util.function.IntPredicate;

/**
 * {@code GET /api/v2/contacts.json}: RapidPro's {@code ContactsEndpoint}, paged like runs by {@code
 * modified_on} ({@code ModifiedOnCursorPagination}). {@code deleted=true} lists only deleted
 * contacts, otherwise only the others; {@code uuid} and {@code group} (a UUID or a name) filter;
 * {@code before}/{@code after} bound {@code modified_on} inclusively. The {@code urn} filter is not
 * simulated.
 */
final class ContactsEndpoint {
  private final Workspace workspace;

  ContactsEndpoint(Workspace workspace) {
    this.workspace = workspace;
  }

  ApiResponse list(ApiRequest request) {
    QueryParams params = request.params();
    boolean deleted = QueryParams.strToBool(params.get("deleted"));
    UUID uuid = params.uuid("uuid");
    String group = params.get("group");
    boolean reverse = QueryParams.strToBool(params.get("reverse"));
    Long before = RunsEndpoint.dateParam(params, "before");
    Long after = RunsEndpoint.dateParam(params, "after");
    CursorPagination.Page<ContactRecord> page =
        workspace.read(
            store -> {
              ContactStore contacts = store.contacts();
              IntPredicate accepts = i -> contacts.isDeleted(i) == deleted;
              boolean nothing = isUnparseable(before) || isUnparseable(after);
              if (uuid != null) {
                int c =
                    contacts.indexOf(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
                nothing |= c < 0;
                accepts = accepts.and(i -> i == c);
              }
              if (group != null && !group.isEmpty()) {
                int g = groupIndex(contacts.groups(), group);
                nothing |= g < 0;
                accepts = accepts.and(i -> contacts.isMember(i, g));
              }
              Rows rows =
                  new Rows(
                      contacts,
                      nothing,
                      after == null ? Long.MIN_VALUE : after,
                      before == null ? Long.MAX_VALUE : before,
                      accepts);
              return CursorPagination.paginate(
                  rows, !reverse, params.get("cursor"), request.absoluteUrl());
            });
    return ApiResponse.json(200, PageJson.contacts(page, workspace.anonymous()));
  }

  private static boolean isUnparseable(Long date) {
    return date != null && date == RunsEndpoint.UNPARSEABLE;
  }

  /** RapidPro looks a group up by UUID or by exact name; an unknown one matches nothing. */
  private static int groupIndex(GroupCatalog groups, String ref) {
    for (GroupCatalog.Group g : groups.all()) {
      if (g.uuid().equals(ref) || g.name().equals(ref)) {
        return g.index();
      }
    }
    return -1;
  }

  /** The filtered contacts as the paginator's query. */
  private record Rows(
      ContactStore contacts, boolean nothing, long after, long before, IntPredicate accepts)
      implements CursorPagination.OrderedRows<ContactRecord> {
    @Override
    public List<ContactRecord> fetch(boolean descending, Long position, int offset, int limit) {
      if (nothing) {
        return List.of();
      }
      return contacts.select(descending, after, before, position, offset, limit, accepts);
    }

    @Override
    public long position(ContactRecord row) {
      return ApiTimes.micros(row.modifiedOn());
    }
  }
}
