package io.flowlake.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArchiveDownloadTest {

  private final ApiConfig config =
      ApiConfig.builder("http://127.0.0.1:9").token("t").maxAttempts(1).build();

  @Test
  void anArchiveWithRecordsButNoUrlIsRefusedByNameRatherThanSkipped() {
    ArchiveInfo listed = new ArchiveInfo("run", "2026-03-01", "monthly", 12, 300, "abc", null);
    assertThatThrownBy(() -> ArchiveDownload.fetch(listed, config))
        .isInstanceOf(ArchiveIntegrityException.class)
        .hasMessageContaining("run_M202603")
        .hasMessageContaining("no download_url");
  }

  @Test
  void anUnreachableStorageHostFailsTheArchiveClearlyAfterItsAttempts() {
    ArchiveInfo listed =
        new ArchiveInfo(
            "run", "2026-03-04", "daily", 12, 300, "abc", "http://127.0.0.1:9/1/run.jsonl.gz");
    assertThatThrownBy(() -> ArchiveDownload.fetch(listed, config))
        .isInstanceOf(ArchiveIntegrityException.class)
        .hasMessageContaining("run_D20260304")
        .hasMessageContaining("download failed")
        .hasMessageContaining("after 1 attempt(s)");
  }
}
