package io.flowlake.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowPlannerTest {

  private static final Instant FIRST = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T0 = Instant.parse("2026-01-11T00:00:00Z");

  @Test
  void windowsCoverTheWholeRangeAndShareTheirEdges() {
    List<RunsWindow> windows = WindowPlanner.split(null, FIRST, T0, 10);

    assertThat(windows).hasSize(10);
    assertThat(windows.get(0).after()).as("nothing older can slip past").isNull();
    assertThat(windows.get(9).before()).isEqualTo(T0);
    for (int i = 1; i < windows.size(); i++) {
      assertThat(windows.get(i).after()).isEqualTo(windows.get(i - 1).before());
      assertThat(windows.get(i).index()).isEqualTo(i);
    }
    assertThat(windows.get(0).before()).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
  }

  @Test
  void keepsTheReadsOwnLowerBoundOnTheFirstWindow() {
    Instant after = FIRST.minusSeconds(600);

    assertThat(WindowPlanner.split(after, FIRST, T0, 4).get(0).after()).isEqualTo(after);
  }

  @Test
  void aRangeTooShortToSplitGivesFewerWindowsNotEmptyOnes() {
    Instant first = Instant.parse("2026-01-01T00:00:00.000001Z");
    Instant before = Instant.parse("2026-01-01T00:00:00.000003Z");

    List<RunsWindow> windows = WindowPlanner.split(null, first, before, 10);

    assertThat(windows).hasSize(2);
    assertThat(windows.get(1).before()).isEqualTo(before);
    assertThat(windows)
        .allSatisfy(w -> assertThat(w.after() == null || w.after().isBefore(w.before())).isTrue());
  }

  @Test
  void plansTwoWindowsPerCursorWithinEightToSixtyFourPagesEach() {
    assertThat(WindowPlanner.windowCount(50_000, 7)).as("200 pages, 7 cursors").isEqualTo(14);
    assertThat(WindowPlanner.windowCount(5_000, 1)).as("one cursor").isEqualTo(1);
    assertThat(WindowPlanner.windowCount(10_000_000, 1))
        .as("40,000 pages in windows of 64")
        .isEqualTo(625);
    assertThat(WindowPlanner.windowCount(10_000, 7)).as("40 pages: 8 each").isEqualTo(5);
    assertThat(WindowPlanner.windowCount(850, 7)).as("a few pages: one window").isEqualTo(1);
    assertThat(WindowPlanner.windowCount(0, 7)).isEqualTo(1);
  }
}
