package io.flowlake.pull;

import io.flowlake.api.ContactField;
import io.flowlake.api.ContactGroup;
import io.flowlake.lake.OverlapDigest;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One hash of the workspace's contact field and group lists, every attribute included (a group's
 * member count too): equal hashes mean a pull would leave {@code contact_fields} and {@code groups}
 * as they are. Order-free, since the API's order is not a change.
 */
public final class DefinitionsDigest {

  private DefinitionsDigest() {}

  public static String of(List<ContactField> fields, List<ContactGroup> groups) {
    return OverlapDigest.sha256(
        Stream.concat(
                fields.stream().map(f -> "field " + f), groups.stream().map(g -> "group " + g))
            .sorted()
            .collect(Collectors.joining("\n")));
  }
}
