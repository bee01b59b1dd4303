package io.flowlake.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * DRF 3.18's {@code CursorPagination} as RapidPro configures it (docs/rapidpro-api.md §3), step for
 * step, so that ties, direction changes and offsets page exactly as on the real server. Only the
 * first ordering field is a position; the offset counts the rows at the page's end that share it.
 * Pages hold 250 rows; clients cannot change that.
 */
final class CursorPagination {
  static final int PAGE_SIZE = 250;

  private CursorPagination() {}

  /** Rows ordered by (position, id), as one database query over the filtered rows. */
  interface OrderedRows<T> {
    /**
     * Rows in (position, id) order, descending or ascending, whose position is strictly past {@code
     * position} in that direction (when not null), {@code offset} skipped, at most {@code limit}.
     */
    List<T> fetch(boolean descending, Long position, int offset, int limit);

    /** The row's position in epoch micros. */
    long position(T row);
  }

  record Page<T>(List<T> rows, String next, String previous) {}

  /**
   * One page.
   *
   * @param descendingOrdering the view's ordering: {@code -modified_on} unless {@code reverse}
   * @param encodedCursor the {@code cursor} parameter, or null
   * @param requestUrl the absolute request URL; links replace its {@code cursor} parameter
   */
  static <T> Page<T> paginate(
      OrderedRows<T> source, boolean descendingOrdering, String encodedCursor, String requestUrl) {
    Cursor cursor = encodedCursor == null ? null : Cursor.decode(encodedCursor);
    int offset = cursor == null ? 0 : cursor.offset();
    boolean reverse = cursor != null && cursor.reverse();
    String current = cursor == null ? null : cursor.position();
    Long filter = null;
    if (current != null) {
      filter = DateParameters.parsePosition(current);
      if (filter == null) {
        throw ApiError.serverError(); // Django's ValidationError is not an APIException
      }
    }
    List<T> results = source.fetch(descendingOrdering != reverse, filter, offset, PAGE_SIZE + 1);
    List<T> page = new ArrayList<>(results.subList(0, Math.min(PAGE_SIZE, results.size())));
    String following =
        results.size() > page.size() ? position(source, results.get(results.size() - 1)) : null;

    State<T> s = new State<>(source, cursor, page);
    if (reverse) {
      Collections.reverse(page);
      s.hasNext = current != null || offset > 0;
      s.hasPrevious = following != null;
      s.nextPosition = s.hasNext ? current : null;
      s.previousPosition = following;
    } else {
      s.hasNext = following != null;
      s.hasPrevious = current != null || offset > 0;
      s.nextPosition = following;
      s.previousPosition = s.hasPrevious ? current : null;
    }
    String next = s.hasNext ? link(requestUrl, s.nextCursor()) : null;
    String previous = s.hasPrevious ? link(requestUrl, s.previousCursor()) : null;
    return new Page<>(page, next, previous);
  }

  /** {@code str(datetime)}: what DRF compares positions by. */
  private static <T> String position(OrderedRows<T> source, T row) {
    return ApiTimes.formatPosition(source.position(row));
  }

  private static String link(String requestUrl, Cursor cursor) {
    return PythonUrlEncoding.replaceQueryParam(requestUrl, "cursor", cursor.encode());
  }

  /** The paginator's state after fetching a page, and its {@code get_next/previous_link}. */
  private static final class State<T> {
    private final OrderedRows<T> source;
    private final Cursor cursor;
    private final List<T> page;
    private boolean hasNext;
    private boolean hasPrevious;
    private String nextPosition;
    private String previousPosition;

    State(OrderedRows<T> source, Cursor cursor, List<T> page) {
      this.source = source;
      this.cursor = cursor;
      this.page = page;
    }

    Cursor nextCursor() {
      // Reversing direction from an offset cursor: the first position found cannot be a marker.
      String compare =
          !page.isEmpty() && cursor != null && cursor.reverse() && cursor.offset() != 0
              ? position(source, page.get(page.size() - 1))
              : nextPosition;
      int offset = 0;
      String position = null;
      boolean unique = false;
      for (int k = page.size() - 1; k >= 0; k--) {
        position = position(source, page.get(k));
        if (!position.equals(compare)) {
          unique = true;
          break;
        }
        compare = position;
        offset++;
      }
      if (!page.isEmpty() && !unique) {
        if (!hasPrevious) {
          offset = PAGE_SIZE; // a first page of one position: no position to filter on yet
          position = null;
        } else if (cursor.reverse()) {
          offset = 0;
          position = previousPosition;
        } else {
          offset = cursor.offset() + PAGE_SIZE;
          position = previousPosition;
        }
      }
      if (page.isEmpty()) {
        position = nextPosition;
      }
      return new Cursor(offset, false, position);
    }

    Cursor previousCursor() {
      String compare =
          !page.isEmpty() && cursor != null && !cursor.reverse() && cursor.offset() != 0
              ? position(source, page.get(0))
              : previousPosition;
      int offset = 0;
      String position = null;
      boolean unique = false;
      for (T row : page) {
        position = position(source, row);
        if (!position.equals(compare)) {
          unique = true;
          break;
        }
        compare = position;
        offset++;
      }
      if (!page.isEmpty() && !unique) {
        if (!hasNext) {
          offset = PAGE_SIZE;
          position = null;
        } else if (cursor.reverse()) {
          offset = cursor.offset() + PAGE_SIZE;
          position = nextPosition;
        } else {
          offset = 0;
          position = nextPosition;
        }
      }
      if (page.isEmpty()) {
        position = previousPosition;
      }
      return new Cursor(offset, true, position);
    }
  }
}
