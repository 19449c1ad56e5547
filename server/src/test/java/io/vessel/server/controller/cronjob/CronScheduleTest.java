package io.vessel.server.controller.cronjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronScheduleTest {

  @ParameterizedTest(name = "{0} after {1} is {2}")
  @DisplayName("next, a schedule in UTC, the first fire time strictly after")
  @CsvSource(
      delimiter = '|',
      value = {
        "* * * * *          | 2026-03-10T10:00:00Z | 2026-03-10T10:01:00Z",
        "* * * * *          | 2026-03-10T10:00:30Z | 2026-03-10T10:01:00Z",
        "*/15 * * * *       | 2026-03-10T10:07:00Z | 2026-03-10T10:15:00Z",
        "5/20 * * * *       | 2026-03-10T10:26:00Z | 2026-03-10T10:45:00Z",
        "0 9-17/4 * * *     | 2026-03-10T10:00:00Z | 2026-03-10T13:00:00Z",
        "30 2 * * 1,3,5     | 2026-03-10T10:00:00Z | 2026-03-11T02:30:00Z",
        "0 0 * * MON-FRI    | 2026-03-13T12:00:00Z | 2026-03-16T00:00:00Z",
        "0 0 1 JAN,jul *    | 2026-03-10T10:00:00Z | 2026-07-01T00:00:00Z",
        "0 0 29 2 *         | 2026-03-10T10:00:00Z | 2028-02-29T00:00:00Z",
        "0 0 13 * 5         | 2026-03-10T10:00:00Z | 2026-03-13T00:00:00Z",
        "0 0 13 * 5         | 2026-03-13T10:00:00Z | 2026-03-20T00:00:00Z",
        "0 0 */10 * 5       | 2026-03-10T10:00:00Z | 2026-03-11T00:00:00Z",
        "0 0 ? * 0          | 2026-03-10T10:00:00Z | 2026-03-15T00:00:00Z",
        "@hourly            | 2026-03-10T10:00:00Z | 2026-03-10T11:00:00Z",
        "@daily             | 2026-03-10T10:00:00Z | 2026-03-11T00:00:00Z",
        "@weekly            | 2026-03-10T10:00:00Z | 2026-03-15T00:00:00Z",
        "@monthly           | 2026-03-10T10:00:00Z | 2026-04-01T00:00:00Z",
        "@yearly            | 2026-03-10T10:00:00Z | 2027-01-01T00:00:00Z",
        "@every 1h30m       | 2026-03-10T10:00:00.7Z | 2026-03-10T11:30:00Z",
      })
  void nextInUtc(String spec, String after, String expected) {
    var s = CronSchedule.parse(spec.strip(), ZoneOffset.UTC);
    assertThat(s.next(Instant.parse(after))).contains(Instant.parse(expected));
  }

  @ParameterizedTest(name = "{0} in {1} after {2} is {3}")
  @DisplayName("next, a time zone with daylight saving time, java.time's gap and overlap rules")
  @CsvSource(
      delimiter = '|',
      value = {
        // 09:00 in Berlin is 08:00Z in winter and 07:00Z in summer.
        "0 9 * * *  | Europe/Berlin    | 2026-03-28T12:00:00Z | 2026-03-29T07:00:00Z",
        "0 9 * * *  | Europe/Berlin    | 2026-03-27T12:00:00Z | 2026-03-28T08:00:00Z",
        // 02:30 does not exist on 2026-03-29 in Berlin: it runs at 03:30 CEST (01:30Z).
        "30 2 * * * | Europe/Berlin    | 2026-03-28T12:00:00Z | 2026-03-29T01:30:00Z",
        // 02:30 happens twice on 2026-10-25 in Berlin: it runs once, at the earlier (CEST) one.
        "30 2 * * * | Europe/Berlin    | 2026-10-24T12:00:00Z | 2026-10-25T00:30:00Z",
        "30 2 * * * | Europe/Berlin    | 2026-10-25T00:30:00Z | 2026-10-26T01:30:00Z",
        "0 0 * * *  | America/New_York | 2026-03-10T10:00:00Z | 2026-03-11T04:00:00Z",
      })
  void nextInZone(String spec, String zone, String after, String expected) {
    var s = CronSchedule.parse(spec.strip(), ZoneId.of(zone.strip()));
    assertThat(s.next(Instant.parse(after.strip()))).contains(Instant.parse(expected.strip()));
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @DisplayName("parse, a malformed schedule, rejected")
  @ValueSource(
      strings = {
        "",
        "* * * *",
        "* * * * * *",
        "60 * * * *",
        "* 24 * * *",
        "* * 0 * *",
        "* * * 13 *",
        "* * * * 7",
        "*/0 * * * *",
        "5-1 * * * *",
        "a * * * *",
        "@often",
        "TZ=UTC * * * * *",
        "@every x"
      })
  void rejects(String spec) {
    assertThatThrownBy(() -> CronSchedule.parse(spec, ZoneOffset.UTC))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("next, a date that never comes (30 February), empty")
  void never() {
    assertThat(
            CronSchedule.parse("0 0 30 2 *", ZoneOffset.UTC)
                .next(Instant.parse("2026-01-01T00:00:00Z")))
        .isEmpty();
  }
}
