package io.flowlake.lake;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads a table version's checksum file, {@code _delta_log/N.crc}: the state Delta summarizes after
 * each commit (its protocol, how many deletion vectors its files carry). Delta writes it by default
 * but need not, so every answer here falls back to the safe one when the file is missing.
 */
final class VersionChecksum {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonFactory FACTORY = JSON.getFactory();

  private final Configuration conf;

  VersionChecksum(Configuration conf) {
    this.conf = conf;
  }

  /**
   * Whether the table at {@code version} may have rows deleted through deletion vectors, that a
   * purge would rewrite: false only when its checksum shows a protocol without the feature, or no
   * vector. The checksum may list every file, so it is streamed and only those two fields read.
   */
  boolean mayHoldDeletionVectors(String table, long version) {
    Path checksum = new Path(new Path(table, "_delta_log"), String.format("%020d.crc", version));
    try {
      FileSystem fs = checksum.getFileSystem(conf);
      if (!fs.exists(checksum)) {
        return true;
      }
      try (JsonParser json = FACTORY.createParser((InputStream) fs.open(checksum))) {
        if (json.nextToken() != JsonToken.START_OBJECT) {
          return true;
        }
        while (json.nextToken() == JsonToken.FIELD_NAME) {
          String field = json.currentName();
          json.nextToken();
          if (field.equals("numDeletionVectorsOpt") && json.getValueAsLong(-1) == 0) {
            return false;
          } else if (field.equals("protocol")) {
            if (!hasDeletionVectors(JSON.readTree(json))) {
              return false;
            }
          } else {
            json.skipChildren();
          }
        }
        return true;
      } catch (JsonProcessingException e) {
        return true; // a checksum it cannot parse proves nothing: purge
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + checksum, e);
    }
  }

  private static boolean hasDeletionVectors(JsonNode protocol) {
    for (JsonNode feature : protocol.path("readerFeatures")) {
      if (feature.asText().equals(ReaderFeatures.DELETION_VECTORS_FEATURE)) {
        return true;
      }
    }
    return false;
  }
}
