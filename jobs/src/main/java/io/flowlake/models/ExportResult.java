package io.flowlake.models;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an export wrote.
 *
 * @param out the export directory
 * @param rowCounts rows written for each mart, as in the manifest
 */
public record ExportResult(String out, ExportFormat format, Map<String, Long> rowCounts) {

  public ExportResult {
    rowCounts = Collections.unmodifiableMap(new LinkedHashMap<>(rowCounts));
  }
}
