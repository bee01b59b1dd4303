package io.flowlake.simulator;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * A small listing (flows, fields, groups) as the paginator's query: its rows sorted by (position,
 * id) on each fetch, as {@code CreatedOnCursorPagination} orders them.
 */
record InMemoryRows<T>(List<T> rows, ToLongFunction<T> positionOf, ToIntFunction<T> idOf)
    implements CursorPagination.OrderedRows<T> {
  @Override
  public List<T> fetch(boolean descending, Long position, int offset, int limit) {
    Comparator<T> order = Comparator.comparingLong(positionOf).thenComparingInt(idOf);
    return rows.stream()
        .sorted(descending ? order.reversed() : order)
        .filter(
            r -> position == null || (descending ? position(r) < position : position(r) > position))
        .skip(offset)
        .limit(limit)
        .toList();
  }

  @Override
  public long position(T row) {
    return positionOf.applyAsLong(row);
  }
}
