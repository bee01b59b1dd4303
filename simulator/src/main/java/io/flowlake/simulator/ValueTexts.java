package io.flowlake.simulator;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** What contacts type: the values that results record, by result slot and category. */
final class ValueTexts {
  private static final List<String> UNMATCHED =
      List.of("maybe", "what?", "hello", "idk", "later", "ok", "??", "stop", "thanks", "hmm");
  private static final List<String> NOT_NUMBERS =
      List.of("twenty", "a lot", "not sure", "many", "none", "few");
  private static final List<String> SENTENCES =
      List.of(
          "Because it's close to home",
          "The clinic is too far",
          "I would like more information",
          "Everything is fine, thank you",
          "Kigali",
          "Nyamirambo market",
          "We need more water points in the village",
          "No comment",
          "Please call me back",
          "Tailoring and carpentry",
          "The price went up this week",
          "Thank you for asking");

  private ValueTexts() {}

  /** The value a result gets; "" for the choice question's "No Response" timeout. */
  static String value(FlowTemplate flow, int slot, int category, SplittableRandom rng) {
    return switch (slot) {
      case FlowNodes.CHOICE_RESULT -> choice(flow, category, rng);
      case FlowNodes.NUMBER_RESULT ->
          category == FlowNodes.VALID ? number(flow, rng) : pick(NOT_NUMBERS, rng);
      default -> pick(SENTENCES, rng);
    };
  }

  private static String choice(FlowTemplate flow, int category, SplittableRandom rng) {
    if (category == flow.noResponseCategory()) {
      return "";
    }
    if (category == flow.otherCategory()) {
      return pick(UNMATCHED, rng);
    }
    String choice = flow.choices().get(category);
    return rng.nextInt(10) < 6 ? choice.toLowerCase(Locale.ROOT) : choice;
  }

  /** RapidPro keeps the number as typed: "23", or "4.5" for decimal questions. */
  private static String number(FlowTemplate flow, SplittableRandom rng) {
    if (!flow.decimal()) {
      return Integer.toString(
          flow.numberMin() + rng.nextInt(flow.numberMax() - flow.numberMin() + 1));
    }
    int tenths =
        flow.numberMin() * 10 + rng.nextInt((flow.numberMax() - flow.numberMin()) * 10 + 1);
    return tenths % 10 == 0 ? Integer.toString(tenths / 10) : tenths / 10 + "." + tenths % 10;
  }

  private static String pick(List<String> options, SplittableRandom rng) {
    return options.get(rng.nextInt(options.size()));
  }
}
