package io.flowlake.simulator;

/**
 * The node graph every simulated flow shares, by node index. A multiple-choice question loops
 * through a retry message on "Other" (which is how a few runs get paths of hundreds of steps), then
 * a numeric and a free-text question follow:
 *
 * <pre>
 * INTRO → CHOICE ⇄ CHOICE_RETRY
 *           └→ CHOICE_ACK → NUMBER → TEXT → OUTRO
 * </pre>
 */
final class FlowNodes {
  static final int INTRO = 0;
  static final int CHOICE = 1;
  static final int CHOICE_RETRY = 2;
  static final int CHOICE_ACK = 3;
  static final int NUMBER = 4;
  static final int TEXT = 5;
  static final int OUTRO = 6;
  static final int COUNT = 7;

  /** Result slots, in the order the flow writes them. */
  static final int CHOICE_RESULT = 0;

  static final int NUMBER_RESULT = 1;
  static final int TEXT_RESULT = 2;
  static final int RESULT_COUNT = 3;

  /** The numeric result's categories. */
  static final int VALID = 0;

  static final int NOT_A_NUMBER = 1;

  private FlowNodes() {}
}
