package io.flowlake.simulator;

import io.flowlake.api.ContactField;
import io.flowlake.api.ContactGroup;
import io.flowlake.api.ContactRecord;
import io.flowlake.api.RunRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A simulated RapidPro workspace: its flows, runs and contacts, the ground truth a pull is checked
 * against. Thread-safe: the server reads it while a test changes it, and each read (one API page)
 * sees one consistent state, as a database query would.
 *
 * <p>The mutations behave like mailroom: each sets {@code modified_on} from a clock that strictly
 * increases and is never behind the wall clock, so a changed run moves to the head of the
 * modified-on order (docs/rapidpro-api.md §9). With a replica lag ({@link
 * Simulator.Builder#replicaLag}) the runs endpoint sees each write only some time after its {@code
 * modified_on}; {@link #snapshot} is the primary, which has them all at once.
 */
public final class Workspace {
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final String uuid;
  private final boolean anonymous;
  private final RunStore store;
  private final MicrosClock clock;
  private final RunMutator mutator;
  private final ContactMutator contactMutator;

  Workspace(
      String uuid,
      boolean anonymous,
      RunStore store,
      MicrosClock clock,
      RunMutator mutator,
      ContactMutator contactMutator) {
    this.uuid = uuid;
    this.anonymous = anonymous;
    this.store = store;
    this.clock = clock;
    this.mutator = mutator;
    this.contactMutator = contactMutator;
  }

  /** The workspace (org) UUID the server sends as {@code X-Temba-Workspace}. */
  public String uuid() {
    return uuid;
  }

  /** Whether URNs are masked (docs/rapidpro-api.md §2.3). */
  public boolean anonymous() {
    return anonymous;
  }

  public List<FlowDefinition> flows() {
    return store.flows().stream().map(GeneratedFlow::definition).toList();
  }

  /** The runs the runs endpoint holds: deleted contacts' runs are gone. */
  public int size() {
    return read(
        s -> {
          int live = 0;
          for (int i = 0; i < s.table().size(); i++) {
            live += s.isGone(i) ? 0 : 1;
          }
          return live;
        });
  }

  /** Every run as it is now, in id order: what a complete, correct pull must end up with. */
  public List<RunRecord> snapshot() {
    return read(
        s -> {
          List<RunRecord> runs = new ArrayList<>(s.table().size());
          for (int i = 0; i < s.table().size(); i++) {
            if (!s.isGone(i)) {
              runs.add(s.record(i));
            }
          }
          return runs;
        });
  }

  /**
   * Every contact as it is now, in id order, deleted ones included (as the {@code deleted=true}
   * listing shows them): what a complete, correct contacts pull must end up with.
   */
  public List<ContactRecord> contactSnapshot() {
    return read(
        s -> {
          List<ContactRecord> contacts = new ArrayList<>(s.contacts().size());
          for (int i = 0; i < s.contacts().size(); i++) {
            contacts.add(s.contacts().record(i));
          }
          return contacts;
        });
  }

  /** The workspace's contact fields in creation order. */
  public List<ContactField> contactFields() {
    return read(s -> s.contacts().fields());
  }

  /** Creates a contact field now; no contact has a value for it yet. */
  public void addContactField(String key, String name, String type) {
    write(
        () -> {
          store.contacts().addField(new ContactField(key, name, type));
          return List.of();
        });
  }

  /** Creates a manual contact group now, with no members yet. */
  public void addContactGroup(String name) {
    write(
        () -> {
          store.contacts().addGroup(name);
          return List.of();
        });
  }

  /** The workspace's contact groups in creation order, with their member counts now. */
  public List<ContactGroup> contactGroups() {
    return read(GroupsEndpoint::groups);
  }

  /** Each run's internal status by run UUID; the API shows active and waiting alike. */
  public Map<String, RunStatus> statuses() {
    return read(
        s -> {
          Map<String, RunStatus> statuses = new LinkedHashMap<>();
          for (int i = 0; i < s.table().size(); i++) {
            if (!s.isGone(i)) {
              statuses.put(s.uuid(i), s.table().status(i));
            }
          }
          return statuses;
        });
  }

  /**
   * Advances up to {@code n} ongoing runs by one step each (an answer, which may complete the run,
   * or an expiry or interruption), each in its own write. Returns the UUIDs of the changed runs;
   * fewer than {@code n} when fewer runs are ongoing.
   */
  public List<String> modifyRuns(int n) {
    return write(() -> mutator.modify(requireCount(n)));
  }

  /** Starts {@code n} contacts in a flow now: new runs sharing one created_on and modified_on. */
  public List<String> addRuns(int n) {
    return write(() -> mutator.add(requireCount(n)));
  }

  /**
   * A bulk update of {@code n} runs in one statement now, so they all share one {@code
   * modified_on}: ongoing runs are interrupted first, exited runs are touched when too few are
   * ongoing.
   */
  public List<String> touchRuns(int n) {
    return write(() -> mutator.touch(requireCount(n), clock.tick()));
  }

  /**
   * Like {@link #touchRuns(int)} at an exact time, which must be after every write so far (the
   * clock only moves forward). Sub-microsecond digits are dropped.
   */
  public List<String> touchRuns(int n, Instant at) {
    return write(() -> mutator.touch(requireCount(n), clock.tickAt(ApiTimes.micros(at))));
  }

  /**
   * Deletes a contact now, as RapidPro's release does: the contact is blanked and listed under
   * {@code deleted=true} with {@code modified_on} = now, and its runs are hard-deleted from the
   * runs endpoint (run archives already written keep them). Returns the deleted runs' UUIDs.
   *
   * @throws IllegalArgumentException for an unknown or already deleted contact
   */
  public List<String> deleteContact(String contactUuid) {
    return write(() -> contactMutator.delete(contactUuid));
  }

  /**
   * Sets one field of a contact now, bumping its {@code modified_on}. {@code value} is the value as
   * the API will show it (a location as its path, e.g. {@code Rwanda > Kigali City > Gasabo}); null
   * or "" clears it.
   *
   * @throws IllegalArgumentException for an unknown or deleted contact, or an unknown field
   */
  public void setContactField(String contactUuid, String key, String value) {
    write(
        () -> {
          contactMutator.setField(contactUuid, key, value);
          return List.of();
        });
  }

  /**
   * Moves up to {@code n} contacts that have a district to another one (state and ward follow),
   * each in its own write; returns their UUIDs. A move may take a contact into or out of the "Pilot
   * District" smart group.
   */
  public List<String> moveContacts(int n) {
    return write(() -> contactMutator.move(requireCount(n)));
  }

  /** The wall clock's time in microseconds: what the read replica has caught up to. */
  long now() {
    return clock.wall();
  }

  /** Runs {@code query} against a consistent state of the runs. */
  <T> T read(Function<RunStore, T> query) {
    lock.readLock().lock();
    try {
      return query.apply(store);
    } finally {
      lock.readLock().unlock();
    }
  }

  private List<String> write(Supplier<List<String>> change) {
    lock.writeLock().lock();
    try {
      return change.get();
    } finally {
      lock.writeLock().unlock();
    }
  }

  private static int requireCount(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("a number of runs cannot be negative: " + n);
    }
    return n;
  }
}
