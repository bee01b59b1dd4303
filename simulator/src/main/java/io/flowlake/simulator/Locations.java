package io.flowlake.simulator;

import java.util.List;

/**
 * A few of Rwanda's administrative boundaries, the country RapidPro's own tests use. RapidPro
 * serialises a location field as the boundary's path from the country down, levels joined by {@code
 * " > "}: state {@code Rwanda > Kigali City}, district {@code Rwanda > Kigali City > Nyarugenge},
 * ward {@code Rwanda > Kigali City > Nyarugenge > Nyamirambo} (docs/rapidpro-contacts.md).
 */
final class Locations {
  static final String COUNTRY = "Rwanda";
  private static final String SEPARATOR = " > ";

  /** A district with its state and some of its wards (sectors). */
  record District(String state, String name, List<String> wards) {
    String statePath() {
      return COUNTRY + SEPARATOR + state;
    }

    String path() {
      return statePath() + SEPARATOR + name;
    }

    String wardPath(int ward) {
      return path() + SEPARATOR + wards.get(ward);
    }
  }

  static final List<District> DISTRICTS =
      List.of(
          new District("Kigali City", "Nyarugenge", List.of("Nyamirambo", "Kimisagara", "Muhima")),
          new District("Kigali City", "Gasabo", List.of("Remera", "Kacyiru", "Kimironko")),
          new District("Kigali City", "Kicukiro", List.of("Niboye", "Gikondo")),
          new District("Eastern Province", "Rwamagana", List.of("Kigabiro", "Muhazi")),
          new District("Eastern Province", "Gatsibo", List.of("Kabarore", "Kiramuruzi")),
          new District("Eastern Province", "Kayonza", List.of("Mukarange", "Rwinkwavu")),
          new District("Northern Province", "Musanze", List.of("Muhoza", "Cyuve")),
          new District("Northern Province", "Gicumbi", List.of("Byumba", "Rukomo")),
          new District("Southern Province", "Huye", List.of("Ngoma", "Tumba")),
          new District("Southern Province", "Muhanga", List.of("Nyamabuye", "Shyogwe")),
          new District("Western Province", "Rubavu", List.of("Gisenyi", "Nyamyumba")),
          new District("Western Province", "Karongi", List.of("Bwishyura", "Rubengera")));

  private Locations() {}

  /** The district whose path is {@code path}, or null. */
  static District byPath(String path) {
    for (District d : DISTRICTS) {
      if (d.path().equals(path)) {
        return d;
      }
    }
    return null;
  }
}
