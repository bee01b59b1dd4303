package io.flowlake.simulator;

import java.util.List;
import java.util.stream.Stream;

/**
 * The questions of one kind of flow: a multiple-choice question, a numeric one (with the range of
 * plausible answers) and a free-text one.
 */
record FlowTemplate(
    String name,
    String choiceKey,
    String choiceName,
    List<String> choices,
    String numberKey,
    String numberName,
    int numberMin,
    int numberMax,
    boolean decimal,
    String textKey,
    String textName) {

  /** The choice result's categories: the choices, then "Other" and the timeout's "No Response". */
  List<String> choiceCategories() {
    return Stream.concat(choices.stream(), Stream.of("Other", "No Response")).toList();
  }

  int otherCategory() {
    return choices.size();
  }

  int noResponseCategory() {
    return choices.size() + 1;
  }
}
