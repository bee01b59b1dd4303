package io.flowlake.simulator;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The runs' row headers in primitive columns (about 40 bytes a run, so two million runs fit in a
 * modest heap). Paths and values are planned again on demand; only runs whose path or values
 * changed after generation keep an explicit {@link RunBody}. Run {@code i} has id {@code i + 1}.
 */
final class RunTable implements ModifiedTimes {
  private long[] created;
  private long[] modified;
  private long[] exited;
  private byte[] status;
  private short[] flow;
  private int[] contact;
  private int[] start;
  private boolean[] responded;
  private int size;
  private final Map<Integer, RunBody> bodies = new HashMap<>();

  RunTable(int capacity) {
    int c = Math.max(16, capacity);
    created = new long[c];
    modified = new long[c];
    exited = new long[c];
    status = new byte[c];
    flow = new short[c];
    contact = new int[c];
    start = new int[c];
    responded = new boolean[c];
  }

  @Override
  public int size() {
    return size;
  }

  /** Adds a run and returns its index. */
  int add(
      int flowIndex,
      int contactIndex,
      int startIndex,
      RunStatus runStatus,
      boolean hasResponded,
      long createdOn,
      long modifiedOn,
      long exitedOn) {
    if (size == created.length) {
      grow();
    }
    int i = size++;
    created[i] = createdOn;
    flow[i] = (short) flowIndex;
    contact[i] = contactIndex;
    start[i] = startIndex;
    update(i, runStatus, hasResponded, modifiedOn, exitedOn);
    return i;
  }

  void update(int i, RunStatus runStatus, boolean hasResponded, long modifiedOn, long exitedOn) {
    status[i] = (byte) runStatus.ordinal();
    responded[i] = hasResponded;
    modified[i] = modifiedOn;
    exited[i] = exitedOn;
  }

  private void grow() {
    int c = created.length * 2;
    created = Arrays.copyOf(created, c);
    modified = Arrays.copyOf(modified, c);
    exited = Arrays.copyOf(exited, c);
    status = Arrays.copyOf(status, c);
    flow = Arrays.copyOf(flow, c);
    contact = Arrays.copyOf(contact, c);
    start = Arrays.copyOf(start, c);
    responded = Arrays.copyOf(responded, c);
  }

  long created(int i) {
    return created[i];
  }

  @Override
  public long modified(int i) {
    return modified[i];
  }

  /** {@link RunPlan#NO_TIME} while the run is ongoing. */
  long exited(int i) {
    return exited[i];
  }

  RunStatus status(int i) {
    return RunStatus.ofOrdinal(status[i]);
  }

  int flow(int i) {
    return flow[i];
  }

  int contact(int i) {
    return contact[i];
  }

  /** The flow start's index, or -1 when the run was not started by a flow start. */
  int start(int i) {
    return start[i];
  }

  boolean responded(int i) {
    return responded[i];
  }

  /** The body set after generation, or null when the run's plan still describes it. */
  RunBody body(int i) {
    return bodies.get(i);
  }

  void setBody(int i, RunBody body) {
    bodies.put(i, body);
  }
}
