package io.flowlake.simulator;

import java.time.ZoneOffset;
import java.util.Map;

/**
 * How likely a run that has exited completed, by flow and contact, so that flows and segments
 * differ the way real ones do: some flows are finished by about 30% of their contacts, others by
 * about 90%, and young contacts and some districts answer more than others. The workspace's overall
 * completion stays what it was (61.1% of exited runs), so only the split changes.
 *
 * <p>A contact's factor is read from its generated profile (year of birth, district), not from
 * later edits: a run's outcome was decided when it ran.
 */
final class Engagement {

  /** The completed share of exited runs of the least and the most finished flow. */
  private static final double LEAST = 0.26;

  private static final double SPREAD = 0.76;

  private static final double MOST = 0.98;
  private static final double GOLDEN = 0.6180339887;

  private final double[] flowRates;
  private final float[] contactFactors;

  private Engagement(double[] flowRates, float[] contactFactors) {
    this.flowRates = flowRates;
    this.contactFactors = contactFactors;
  }

  /**
   * @param flows how many flows the workspace has
   * @param contacts the workspace's generated contacts
   */
  static Engagement of(int flows, ContactStore contacts, long now) {
    int year = ApiTimes.instant(now).atOffset(ZoneOffset.UTC).getYear();
    float[] factors = new float[contacts.size()];
    double total = 0;
    for (int i = 0; i < factors.length; i++) {
      factors[i] = (float) factor(contacts.profile(i).fields(), year);
      total += factors[i];
    }
    double mean = factors.length == 0 ? 1 : total / factors.length;
    for (int i = 0; i < factors.length; i++) {
      factors[i] /= (float) mean;
    }
    // spread over [LEAST, LEAST + SPREAD] by the golden ratio: no trend by traffic, and the
    // busiest flows land near the middle
    double[] rates = new double[flows];
    for (int f = 0; f < rates.length; f++) {
      rates[f] = LEAST + SPREAD * (1 - ((f + 1) * GOLDEN) % 1);
    }
    return new Engagement(rates, factors);
  }

  /** The chance that an exited run of {@code flow} by {@code contact} completed. */
  double completion(int flow, int contact) {
    return Math.min(MOST, flowRates[flow] * contactFactors[contact]);
  }

  /** Younger contacts answer more; districts differ (U-Report's own dashboards show both). */
  private static double factor(Map<String, String> fields, int year) {
    double factor = 1;
    String born = fields.get(ContactFieldCatalog.BORN);
    if (born != null) {
      int age = year - Integer.parseInt(born);
      factor *= age < 20 ? 1.25 : age < 25 ? 1.05 : age < 35 ? 0.85 : 0.65;
    }
    Locations.District district = Locations.byPath(fields.get(ContactFieldCatalog.DISTRICT));
    if (district != null) {
      int k = Locations.DISTRICTS.indexOf(district);
      factor *=
          0.7 + 0.6 * ((k * 5) % Locations.DISTRICTS.size()) / (Locations.DISTRICTS.size() - 1.0);
    }
    return factor;
  }
}
