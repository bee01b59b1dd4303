package io.flowlake.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CursorPaginationTest {
  private static final String URL = "http://testserver/api/v2/runs.json";

  /** A row with a position (modified_on) and a unique id. */
  record Row(long position, long id) {}

  /** The database: rows ordered by (position, id), filtered by a strict position bound. */
  record Table(List<Row> rows) implements CursorPagination.OrderedRows<Row> {
    @Override
    public List<Row> fetch(boolean descending, Long position, int offset, int limit) {
      Comparator<Row> order = Comparator.comparingLong(Row::position).thenComparingLong(Row::id);
      return rows.stream()
          .sorted(descending ? order.reversed() : order)
          .filter(
              r ->
                  position == null
                      || (descending ? r.position() < position : r.position() > position))
          .skip(offset)
          .limit(limit)
          .toList();
    }

    @Override
    public long position(Row row) {
      return row.position();
    }
  }

  private static String cursorOf(String link) {
    String query = link.substring(link.indexOf('?') + 1);
    for (String field : query.split("&")) {
      if (field.startsWith("cursor=")) {
        return PythonUrlEncoding.unquotePlus(field.substring("cursor=".length()));
      }
    }
    throw new AssertionError("no cursor in " + link);
  }

  private static List<Long> followNext(Table table, boolean descending, List<Integer> pageSizes) {
    List<Long> ids = new ArrayList<>();
    String cursor = null;
    for (int pages = 0; pages < 10_000; pages++) {
      CursorPagination.Page<Row> page = CursorPagination.paginate(table, descending, cursor, URL);
      page.rows().forEach(r -> ids.add(r.id()));
      pageSizes.add(page.rows().size());
      if (page.next() == null) {
        return ids;
      }
      cursor = cursorOf(page.next());
    }
    throw new AssertionError("paging did not end");
  }

  @Test
  void encodesTheCursorAsDrfDoes() {
    Cursor cursor = new Cursor(0, false, "2015-11-11 13:05:57.576056+00:00");

    assertThat(cursor.encode())
        .isEqualTo("cD0yMDE1LTExLTExKzEzJTNBMDUlM0E1Ny41NzYwNTYlMkIwMCUzQTAw");
    assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
    assertThat(Cursor.decode(new Cursor(500, true, null).encode()))
        .isEqualTo(new Cursor(500, true, null));
  }

  @Test
  void malformedCursorsAreNotFound() {
    for (String bad : List.of("abcde", "bz1hYmM=", "bz0tMQ==", "cj14", "é")) {
      assertThatThrownBy(() -> Cursor.decode(bad), bad)
          .isInstanceOfSatisfying(
              ApiError.class,
              e -> {
                assertThat(e.status()).isEqualTo(404);
                assertThat(e.detail()).isEqualTo("Invalid cursor");
              });
    }
  }

  @Test
  void offsetsAreCappedAtRapidProsCutoff() {
    assertThat(Cursor.decode(new Cursor(250_000, false, null).encode()).offset())
        .isEqualTo(100_000);
  }

  @Test
  void rowsSharingOnePositionPageAsFiveFullPagesAndFive() {
    List<Row> rows = new ArrayList<>();
    for (long id = 1; id <= 1255; id++) {
      rows.add(new Row(1_442_275_200_000_000L, id));
    }
    List<Integer> sizes = new ArrayList<>();

    List<Long> ids = followNext(new Table(rows), true, sizes);

    assertThat(sizes).containsExactly(250, 250, 250, 250, 250, 5);
    List<Long> expected = new ArrayList<>();
    for (long id = 1255; id >= 1; id--) {
      expected.add(id);
    }
    assertThat(ids).isEqualTo(expected);
  }

  @Test
  void followingNextVisitsEveryRowOnceWhateverTheTies() {
    SplittableRandom rng = new SplittableRandom(3);
    List<Row> rows = new ArrayList<>();
    for (long id = 1; id <= 3000; id++) {
      long position = rng.nextInt(4) == 0 ? 1000 : 1000 + rng.nextInt(60);
      rows.add(new Row(position * 1_000_000L + 17, id));
    }
    Comparator<Row> order = Comparator.comparingLong(Row::position).thenComparingLong(Row::id);

    List<Long> ascending = followNext(new Table(rows), false, new ArrayList<>());
    List<Long> descending = followNext(new Table(rows), true, new ArrayList<>());

    assertThat(ascending).isEqualTo(rows.stream().sorted(order).map(Row::id).toList());
    assertThat(descending).isEqualTo(rows.stream().sorted(order.reversed()).map(Row::id).toList());
  }

  @Test
  void previousLinkReturnsToThePageBefore() {
    List<Row> rows = new ArrayList<>();
    for (long id = 1; id <= 800; id++) {
      rows.add(new Row(id * 1_000_000L, id));
    }
    Table table = new Table(rows);
    CursorPagination.Page<Row> first = CursorPagination.paginate(table, true, null, URL);
    CursorPagination.Page<Row> second =
        CursorPagination.paginate(table, true, cursorOf(first.next()), URL);
    CursorPagination.Page<Row> third =
        CursorPagination.paginate(table, true, cursorOf(second.next()), URL);

    CursorPagination.Page<Row> back =
        CursorPagination.paginate(table, true, cursorOf(third.previous()), URL);

    assertThat(first.previous()).isNull();
    assertThat(back.rows()).isEqualTo(second.rows());
  }

  @Test
  void positionThatIsNotADateIsAServerError() {
    String cursor = new Cursor(0, false, "yesterday").encode();

    assertThatThrownBy(() -> CursorPagination.paginate(new Table(List.of()), true, cursor, URL))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status()).isEqualTo(500));
  }
}
