package io.flowlake.api;

import java.io.Serializable;
import java.util.List;

/**
 * One page of {@code archives.json}, which pages by limit/offset (docs/rapidpro-api.md §5, pitfall
 * 19).
 *
 * @param archives the entries, newest {@code start_date} first
 * @param next the following page's URL, null at the end
 * @param count the total the server reported, null if it sent none
 */
public record ArchivePage(List<ArchiveInfo> archives, String next, Long count)
    implements Serializable {

  public ArchivePage {
    archives = List.copyOf(archives);
  }
}
