package io.vessel.server.controller.cronjob;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cron schedule as upstream's CronJob controller reads it (robfig/cron {@code ParseStandard}):
 * five fields (minute, hour, day of month, month, day of week) with {@code *}, {@code ?}, ranges,
 * lists, steps and month/day names, or a descriptor ({@code @hourly}, {@code @daily}, {@code
 * @every 1h30m}, …), evaluated in a time zone.
 *
 * <p>Day of month and day of week: when either field is {@code *} or {@code ?} (a step above one
 * does not count) both must match, otherwise either may (Vixie cron, and robfig's star bit). Daylight saving time is
 * java.time's rule: a wall time inside a spring-forward gap fires at the shifted instant (02:30
 * becomes 03:30), a wall time repeated by a fall-back overlap fires once, at the earlier offset.
 *
 * <p>Immutable and thread-safe.
 */
public final class CronSchedule {
  /** robfig gives up after five years without a match (e.g. 30 February). */
  private static final int SEARCH_YEARS = 5;

  private static final Map<String, String> DESCRIPTORS =
      Map.of(
          "@yearly", "0 0 1 1 *",
          "@annually", "0 0 1 1 *",
          "@monthly", "0 0 1 * *",
          "@weekly", "0 0 * * 0",
          "@daily", "0 0 * * *",
          "@midnight", "0 0 * * *",
          "@hourly", "0 * * * *");
  private static final String[] MONTHS = {
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"
  };
  private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
  private static final Pattern EVERY_PART = Pattern.compile("(\\d+)(h|ms|m|s)");

  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet daysOfMonth;
  private final BitSet months;
  private final BitSet daysOfWeek;
  private final boolean domOrDowStar;
  private final Duration every;
  private final ZoneId zone;

  private CronSchedule(
      BitSet minutes,
      BitSet hours,
      BitSet daysOfMonth,
      BitSet months,
      BitSet daysOfWeek,
      boolean domOrDowStar,
      Duration every,
      ZoneId zone) {
    this.minutes = minutes;
    this.hours = hours;
    this.daysOfMonth = daysOfMonth;
    this.months = months;
    this.daysOfWeek = daysOfWeek;
    this.domOrDowStar = domOrDowStar;
    this.every = every;
    this.zone = zone;
  }

  /**
   * Parses {@code spec} for {@code zone}.
   *
   * @throws IllegalArgumentException with robfig's wording where it has one
   */
  public static CronSchedule parse(String spec, ZoneId zone) {
    String s = spec == null ? "" : spec.strip();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty spec string");
    }
    if (s.startsWith("TZ=") || s.startsWith("CRON_TZ=")) {
      throw new IllegalArgumentException("time zones go in spec.timeZone, not the schedule");
    }
    if (s.startsWith("@every ")) {
      Duration d = parseEvery(s.substring("@every ".length()).strip());
      return new CronSchedule(null, null, null, null, null, false, d, zone);
    }
    if (s.startsWith("@")) {
      String expanded = DESCRIPTORS.get(s.toLowerCase(Locale.ROOT));
      if (expanded == null) {
        throw new IllegalArgumentException("unrecognized descriptor: " + s);
      }
      s = expanded;
    }
    String[] f = s.split("\\s+");
    if (f.length != 5) {
      throw new IllegalArgumentException(
          "expected exactly 5 fields, found " + f.length + ": [" + String.join(" ", f) + "]");
    }
    return new CronSchedule(
        field(f[0], 0, 59, null),
        field(f[1], 0, 23, null),
        field(f[2], 1, 31, null),
        field(f[3], 1, 12, MONTHS),
        field(f[4], 0, 6, DAYS),
        starred(f[2]) || starred(f[4]),
        null,
        zone);
  }

  public ZoneId zone() {
    return zone;
  }

  /** The first fire time strictly after {@code after}, or empty if none within five years. */
  public Optional<Instant> next(Instant after) {
    if (every != null) {
      // robfig: the delay rounded down to whole seconds, from a start rounded down to the second.
      return Optional.of(after.truncatedTo(ChronoUnit.SECONDS).plus(every));
    }
    LocalDate day = after.atZone(zone).toLocalDate().minusDays(1); // a gap may shift yesterday's
    LocalDate limit = day.plusYears(SEARCH_YEARS);
    Instant best = null;
    for (; !day.isAfter(limit); day = day.plusDays(1)) {
      if (best != null && !day.atStartOfDay(zone).toInstant().isBefore(best)) {
        break;
      }
      if (!dayMatches(day)) {
        continue;
      }
      for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
        for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
          Instant t = ZonedDateTime.of(LocalDateTime.of(day, LocalTime.of(h, m)), zone).toInstant();
          if (t.isAfter(after) && (best == null || t.isBefore(best))) {
            best = t;
          }
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private boolean dayMatches(LocalDate day) {
    if (!months.get(day.getMonthValue())) {
      return false;
    }
    boolean dom = daysOfMonth.get(day.getDayOfMonth());
    boolean dow = daysOfWeek.get(day.getDayOfWeek().getValue() % 7);
    return domOrDowStar ? dom && dow : dom || dow;
  }

  /** robfig's star bit: a part that is {@code *} or {@code ?} with no step above one. */
  private static boolean starred(String field) {
    for (String part : field.split(",", -1)) {
      String[] rangeAndStep = part.split("/", -1);
      boolean all = rangeAndStep[0].equals("*") || rangeAndStep[0].equals("?");
      if (all && (rangeAndStep.length == 1 || rangeAndStep[1].equals("1"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * One field: a comma-separated list of {@code *}, {@code ?}, {@code a}, {@code a-b}, each with an
   * optional {@code /step}.
   */
  private static BitSet field(String field, int min, int max, String[] names) {
    BitSet bits = new BitSet(max + 1);
    for (String part : field.split(",", -1)) {
      String[] rangeAndStep = part.split("/", -1);
      if (rangeAndStep.length > 2) {
        throw new IllegalArgumentException("too many slashes: " + part);
      }
      String range = rangeAndStep[0];
      int start;
      int end;
      if (range.equals("*") || range.equals("?")) {
        start = min;
        end = max;
      } else {
        String[] lowHigh = range.split("-", -1);
        if (lowHigh.length > 2) {
          throw new IllegalArgumentException("too many hyphens: " + part);
        }
        start = value(lowHigh[0], names);
        end = lowHigh.length == 2 ? value(lowHigh[1], names) : start;
      }
      int step = 1;
      if (rangeAndStep.length == 2) {
        step = number(rangeAndStep[1]);
        if (step <= 0) {
          throw new IllegalArgumentException("step of range should be a positive number: " + part);
        }
        if (!range.contains("-") && !range.equals("*") && !range.equals("?")) {
          end = max; // "5/15" means 5-max/15, as robfig reads it
        }
      }
      if (start < min) {
        throw new IllegalArgumentException(
            "beginning of range (" + start + ") below minimum (" + min + "): " + part);
      }
      if (end > max) {
        throw new IllegalArgumentException(
            "end of range (" + end + ") above maximum (" + max + "): " + part);
      }
      if (start > end) {
        throw new IllegalArgumentException(
            "beginning of range (" + start + ") beyond end of range (" + end + "): " + part);
      }
      for (int v = start; v <= end; v += step) {
        bits.set(v);
      }
    }
    return bits;
  }

  private static int value(String s, String[] names) {
    if (names != null) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equalsIgnoreCase(s)) {
          return names == MONTHS ? i + 1 : i;
        }
      }
    }
    return number(s);
  }

  private static int number(String s) {
    try {
      int n = Integer.parseInt(s);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("failed to parse int from " + s + ": invalid syntax");
    }
  }

  /** A Go duration of h, m, s and ms parts, such as {@code 1h30m}; at least one second. */
  private static Duration parseEvery(String s) {
    Matcher m = EVERY_PART.matcher(s);
    Duration d = Duration.ZERO;
    int pos = 0;
    while (m.find() && m.start() == pos) {
      long n = Long.parseLong(m.group(1));
      d =
          d.plus(
              switch (m.group(2)) {
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                case "s" -> Duration.ofSeconds(n);
                default -> Duration.ofMillis(n);
              });
      pos = m.end();
    }
    if (pos != s.length() || s.isEmpty()) {
      throw new IllegalArgumentException("failed to parse duration @every " + s);
    }
    d = Duration.ofSeconds(d.getSeconds());
    return d.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : d;
  }
}
