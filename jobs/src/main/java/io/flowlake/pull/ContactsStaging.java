package io.flowlake.pull;

import io.flowlake.api.ContactPage;
import io.flowlake.api.ContactRecord;
import io.flowlake.api.RejectedRecord;
import io.flowlake.lake.ContactTables;
import io.flowlake.lake.LakePaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The pages of a contacts read written once into {@code <lake>/_staging/<pull>-contacts}, a batch
 * of pages at a time, so the driver never holds more than {@link #BATCH_PAGES} pages however many
 * contacts the workspace has; the merge then reads these files. Rows are already what the lake
 * keeps ({@link ContactRows}): no name, URN or unselected field reaches the staging files.
 */
final class ContactsStaging {

  /** Pages held on the driver before they are written: 10,000 contacts. */
  static final int BATCH_PAGES = 40;

  static final StructType REJECTS_SCHEMA =
      new StructType()
          .add("raw", DataTypes.StringType, false)
          .add("reason", DataTypes.StringType, false)
          .add("location", DataTypes.StringType, false);

  private final SparkSession spark;
  private final String dir;
  private final Configuration conf;
  private long contacts;
  private long rejects;
  private Instant newest;

  ContactsStaging(SparkSession spark, LakePaths paths, String pullId) {
    this.spark = spark;
    this.dir = paths.staging(pullId + "-contacts");
    this.conf = spark.sparkContext().hadoopConfiguration();
  }

  /** Fetches every page and stages it; a staging folder left by a killed pull is replaced. */
  void write(Iterator<ContactPage> pages, ContactRows rows) {
    delete();
    List<Row> contactRows = new ArrayList<>();
    List<Row> rejectRows = new ArrayList<>();
    int held = 0;
    while (pages.hasNext()) {
      ContactPage page = pages.next();
      for (ContactRecord contact : page.contacts()) {
        contactRows.add(rows.contact(contact));
        newest =
            newest == null || contact.modifiedOn().isAfter(newest) ? contact.modifiedOn() : newest;
      }
      for (RejectedRecord reject : page.rejects()) {
        rejectRows.add(rows.reject(reject.raw(), reject.reason(), page.url()));
      }
      if (++held == BATCH_PAGES) {
        flush(contactRows, rejectRows);
        held = 0;
      }
    }
    flush(contactRows, rejectRows);
  }

  private void flush(List<Row> contactRows, List<Row> rejectRows) {
    append(contactRows, ContactTables.CONTACTS_SCHEMA, "contacts");
    append(rejectRows, REJECTS_SCHEMA, "rejects");
    contacts += contactRows.size();
    rejects += rejectRows.size();
    contactRows.clear();
    rejectRows.clear();
  }

  private void append(List<Row> rows, StructType schema, String name) {
    if (!rows.isEmpty()) {
      spark.createDataFrame(rows, schema).write().mode(SaveMode.Append).parquet(dir + "/" + name);
    }
  }

  /** The staged contacts ({@link ContactTables#CONTACTS_SCHEMA}); empty when none came. */
  Dataset<Row> contacts() {
    return read("contacts", ContactTables.CONTACTS_SCHEMA, contacts);
  }

  /** The staged rejects: raw, reason, location. */
  Dataset<Row> rejects() {
    return read("rejects", REJECTS_SCHEMA, rejects);
  }

  long contactCount() {
    return contacts;
  }

  long rejectCount() {
    return rejects;
  }

  /** The newest {@code modified_on} staged, or null when no contact came. */
  Instant newest() {
    return newest;
  }

  void delete() {
    Path path = new Path(dir);
    try {
      path.getFileSystem(conf).delete(path, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean the staging folder " + dir, e);
    }
  }

  private Dataset<Row> read(String name, StructType schema, long count) {
    return count == 0
        ? spark.createDataFrame(List.of(), schema)
        : spark.read().schema(schema).parquet(dir + "/" + name);
  }
}
