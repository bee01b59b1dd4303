package io.flowlake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowlake.config.ConfigException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ContactsQueryTest {

  private static final URI API = URI.create("https://textit.com");
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void readsOldestFirstUpToAFixedT0() {
    assertThat(ContactsQuery.between(null, T0).firstPage(API))
        .hasToString(
            "https://textit.com/api/v2/contacts.json?reverse=true"
                + "&before=2026-03-01T12%3A00%3A00.000000Z");
  }

  @Test
  void startsAnIncrementalPullTheOverlapBeforeTheWatermark() {
    Instant watermark = Instant.parse("2026-02-28T10:00:00.123456Z");

    ContactsQuery query = ContactsQuery.since(watermark, Duration.ofMinutes(5), T0);

    assertThat(query.after()).isEqualTo(Instant.parse("2026-02-28T09:55:00.123456Z"));
    assertThat(query.firstPage(API).getRawQuery())
        .isEqualTo(
            "reverse=true&before=2026-03-01T12%3A00%3A00.000000Z"
                + "&after=2026-02-28T09%3A55%3A00.123456Z");
    assertThat(ContactsQuery.since(null, Duration.ofMinutes(5), T0).after()).isNull();
  }

  @Test
  void listsDeletedContactsInTheSameWindow() {
    ContactsQuery deleted = ContactsQuery.between(T0.minusSeconds(60), T0).deletedOnly();

    assertThat(deleted.deleted()).isTrue();
    assertThat(deleted.firstPage(API).getRawQuery()).endsWith("&deleted=true");
  }

  @Test
  void refusesAMalformedUuidAndANegativeOverlap() {
    assertThatThrownBy(() -> new ContactsQuery(null, T0, false, "not-a-uuid"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("uuid 'not-a-uuid' is not a UUID: expected 8-4-4-4-12 hex digits");
    assertThatThrownBy(() -> ContactsQuery.since(T0, Duration.ofMinutes(-1), T0))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("cannot be negative");
  }
}
