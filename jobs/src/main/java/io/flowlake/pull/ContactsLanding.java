package io.flowlake.pull;

import io.flowlake.api.ApiConfig;
import io.flowlake.api.ContactField;
import io.flowlake.api.ContactGroup;
import io.flowlake.api.ContactsClient;
import io.flowlake.api.ContactsQuery;
import io.flowlake.lake.ContactsMerge;
import io.flowlake.lake.ContactsRecord;
import io.flowlake.lake.ContactsState;
import io.flowlake.lake.DefinitionsReplace;
import io.flowlake.lake.LakePaths;
import io.flowlake.lake.LakeTables;
import io.flowlake.lake.RejectsStore;
import io.flowlake.lake.Tombstones;
import io.flowlake.privacy.PersonalData;
import io.flowlake.source.SourceOptions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * A pull's people: {@code contacts}, {@code contact_fields} and {@code groups} (docs/contacts.md).
 *
 * <p>{@link #prepare} reads fields.json and groups.json before the pull writes anything, so a
 * {@code --contact-fields} key the workspace does not have stops the pull at once. {@link #land},
 * after the runs: the contacts modified in [contacts watermark − overlap, T0] are staged page by
 * page ({@link ContactsStaging}), the definition tables replaced, the contacts merged, their
 * rejects kept, and only then the contacts watermark recorded ({@link ContactsState}). Each step is
 * idempotent, so a pull killed anywhere converges when run again, as the runs do.
 *
 * <p>contacts.json is paced on the {@code v2.contacts} budget ({@link ContactsSettings}); fields
 * and groups on the default scope at the runs' rate, like flows.json.
 */
final class ContactsLanding {

  private final SparkSession spark;
  private final LakePaths paths;
  private final PullStage.Listener stages;
  private final PullSettings settings;
  private final ContactsSettings contacts;
  private final ContactRows rows;
  private final ApiConfig api;
  private final List<ContactField> fields;
  private final List<ContactGroup> groups;

  private ContactsLanding(
      SparkSession spark,
      LakePaths paths,
      PullStage.Listener stages,
      PullSettings settings,
      PersonalData personal,
      ApiConfig api,
      List<ContactField> fields,
      List<ContactGroup> groups) {
    this.spark = spark;
    this.paths = paths;
    this.stages = stages;
    this.settings = settings;
    this.contacts = settings.contacts();
    this.rows = new ContactRows(contacts.fields(), personal);
    this.api = api;
    this.fields = fields;
    this.groups = groups;
  }

  /**
   * Reads the definitions and checks the kept fields against them; empty when the pull skips
   * contacts.
   *
   * @throws io.flowlake.config.ConfigException for a kept key the workspace has no field for
   */
  static Optional<ContactsLanding> prepare(
      SparkSession spark,
      LakePaths paths,
      PullStage.Listener stages,
      PullSettings settings,
      PersonalData personal) {
    if (!settings.contacts().enabled()) {
      return Optional.empty();
    }
    ApiConfig api = SourceOptions.connection(settings.sourceOptions());
    try (ContactsClient client = client(api, settings.contacts())) {
      List<ContactField> fields = client.fields();
      settings.contacts().fields().requireKnown(fields.stream().map(ContactField::key).toList());
      return Optional.of(
          new ContactsLanding(
              spark, paths, stages, settings, personal, api, fields, client.groups()));
    }
  }

  /** Lands the contacts modified up to {@code t0} and the definitions read by {@link #prepare}. */
  ContactsRecord land(String pullId, Instant t0) {
    ContactsState state = new ContactsState(paths, spark.sparkContext().hadoopConfiguration());
    String selection = contacts.fields().toString();
    Optional<ContactsState.Mark> mark = state.mark();
    // A full read replaces the table: also when the fields kept have changed since the last pull.
    boolean replace = settings.full() || mark.isEmpty() || !mark.get().fields().equals(selection);
    Instant after = replace ? null : mark.get().watermark();
    ContactsStaging staged = new ContactsStaging(spark, paths, pullId);
    try (ContactsClient client = client(api, contacts)) {
      staged.write(client.pages(ContactsQuery.since(after, settings.overlap(), t0)), rows);
    }
    stages.completed(PullStage.CONTACTS_FETCHED);

    DefinitionsReplace definitions = new DefinitionsReplace(spark, paths);
    definitions.contactFields(fields.stream().map(rows::field).toList());
    definitions.groups(groups.stream().map(ContactRows::group).toList());
    new ContactsMerge(spark, paths).land(staged.contacts(), replace);
    if (staged.rejectCount() > 0) {
      new RejectsStore(spark, paths)
          .add(
              new Tombstones(spark, paths).dropFromRejects(staged.rejects()),
              LakeTables.SOURCE_API,
              t0);
    }
    stages.completed(PullStage.CONTACTS_MERGED);

    Instant watermark =
        PullJob.later(mark.map(ContactsState.Mark::watermark).orElse(null), staged.newest());
    if (watermark != null) {
      state.commit(pullId, t0, watermark.isAfter(t0) ? t0 : watermark, selection, keptTypes());
    }
    staged.delete();
    return new ContactsRecord(
        staged.contactCount(), staged.rejectCount(), fields.size(), groups.size());
  }

  /** The field and group lists read by {@link #prepare}, hashed ({@link DefinitionsDigest}). */
  String definitionsDigest() {
    return DefinitionsDigest.of(fields, groups);
  }

  /** The type of each field the contacts table keeps, by key (for --segment-by's checks). */
  private Map<String, String> keptTypes() {
    Map<String, String> types = new LinkedHashMap<>();
    fields.stream()
        .filter(f -> contacts.fields().keeps(f.key()))
        .forEach(f -> types.put(f.key(), f.type()));
    return types;
  }

  private static ContactsClient client(ApiConfig api, ContactsSettings contacts) {
    return new ContactsClient(api, contacts.requestsPerHour());
  }
}
