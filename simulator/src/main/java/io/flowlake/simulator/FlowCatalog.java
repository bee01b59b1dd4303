package io.flowlake.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Realistic flows, the kind NGOs and health programmes run on RapidPro / TextIt. */
final class FlowCatalog {
  private static final List<FlowTemplate> TEMPLATES =
      List.of(
          new FlowTemplate(
              "Registration",
              "gender",
              "Gender",
              List.of("Female", "Male"),
              "age",
              "Age",
              14,
              80,
              false,
              "district",
              "District"),
          new FlowTemplate(
              "Water Survey",
              "has_water",
              "Has Water",
              List.of("Yes", "No"),
              "household_size",
              "Household Size",
              1,
              12,
              false,
              "water_source",
              "Water Source"),
          new FlowTemplate(
              "Vaccination Follow-up",
              "vaccinated",
              "Vaccinated",
              List.of("Yes", "No", "Not Sure"),
              "children",
              "Children",
              0,
              9,
              false,
              "concerns",
              "Concerns"),
          new FlowTemplate(
              "Customer Feedback",
              "satisfaction",
              "Satisfaction",
              List.of("Very Satisfied", "Satisfied", "Unsatisfied"),
              "rating",
              "Rating",
              1,
              10,
              false,
              "comments",
              "Comments"),
          new FlowTemplate(
              "Favorite Color",
              "color",
              "Color",
              List.of("Red", "Green", "Blue"),
              "lucky_number",
              "Lucky Number",
              1,
              99,
              false,
              "reason",
              "Reason"),
          new FlowTemplate(
              "Maternal Health Check-in",
              "danger_signs",
              "Danger Signs",
              List.of("None", "Bleeding", "Fever"),
              "weeks_pregnant",
              "Weeks Pregnant",
              4,
              41,
              false,
              "questions",
              "Questions"),
          new FlowTemplate(
              "School Meals Poll",
              "meals_served",
              "Meals Served",
              List.of("Every Day", "Some Days", "Never"),
              "pupils",
              "Pupils",
              20,
              900,
              false,
              "suggestions",
              "Suggestions"),
          new FlowTemplate(
              "Market Prices",
              "crop",
              "Crop",
              List.of("Maize", "Beans", "Cassava"),
              "price_per_kg",
              "Price Per Kg",
              1,
              20,
              true,
              "market",
              "Market"),
          new FlowTemplate(
              "Youth Employment Survey",
              "employed",
              "Employed",
              List.of("Yes", "No", "Student"),
              "hours_per_week",
              "Hours Per Week",
              0,
              60,
              false,
              "skills",
              "Skills"),
          new FlowTemplate(
              "Symptom Screening",
              "symptoms",
              "Symptoms",
              List.of("Cough", "Fever", "None"),
              "temperature",
              "Temperature",
              35,
              40,
              true,
              "travel",
              "Travel"));

  private static final int[] EXPIRES_MINUTES = {720, 1440, 4320, 10080};
  private static final long DAY_MICROS = 86_400_000_000L;

  private FlowCatalog() {}

  /**
   * {@code count} flows; past the catalogue's size names get a number ("Water Survey 2"). Flows are
   * created before {@code runsStart}, the first run's creation.
   */
  static List<GeneratedFlow> flows(long seed, int count, long runsStart) {
    List<GeneratedFlow> flows = new ArrayList<>(count);
    for (int f = 0; f < count; f++) {
      FlowTemplate base = TEMPLATES.get(f % TEMPLATES.size());
      int round = f / TEMPLATES.size();
      String name = round == 0 ? base.name() : base.name() + " " + (round + 1);
      SplittableRandom rng = SeededIds.random(seed, SeededIds.FLOW, f);
      long created = runsStart - DAY_MICROS * (30 + rng.nextInt(400)) - rng.nextLong(DAY_MICROS);
      long modified = created + rng.nextLong(runsStart - created);
      flows.add(
          new GeneratedFlow(f, definition(seed, f, name, base, created, modified, rng), base));
    }
    return flows;
  }

  private static FlowDefinition definition(
      long seed,
      int f,
      String name,
      FlowTemplate t,
      long created,
      long modified,
      SplittableRandom rng) {
    List<String> nodes = new ArrayList<>(FlowNodes.COUNT);
    for (int n = 0; n < FlowNodes.COUNT; n++) {
      nodes.add(SeededIds.uuid(seed, SeededIds.NODE, f * 16L + n));
    }
    List<FlowResult> results =
        List.of(
            new FlowResult(
                t.choiceKey(),
                t.choiceName(),
                t.choiceCategories(),
                List.of(nodes.get(FlowNodes.CHOICE))),
            new FlowResult(
                t.numberKey(),
                t.numberName(),
                List.of("Valid", "Other"),
                List.of(nodes.get(FlowNodes.NUMBER))),
            new FlowResult(
                t.textKey(),
                t.textName(),
                List.of("All Responses"),
                List.of(nodes.get(FlowNodes.TEXT))));
    return new FlowDefinition(
        SeededIds.uuid(seed, SeededIds.FLOW, f),
        name,
        "message",
        false,
        EXPIRES_MINUTES[rng.nextInt(EXPIRES_MINUTES.length)],
        ApiTimes.instant(created),
        ApiTimes.instant(modified),
        nodes,
        results);
  }
}
