package io.flowlake.simulator;

/** Rows with a {@code modified_on} each, in epoch micros: what {@link ModifiedOrder} indexes. */
interface ModifiedTimes {
  int size();

  long modified(int i);
}
