package io.vessel.server.api.protobuf;

/** Formats nanoseconds the way Go's time.Duration.String() does ("1h2m3s", "1.5s", "0s"). */
final class GoDuration {
  private GoDuration() {}

  static String format(long nanos) {
    if (nanos == 0) {
      return "0s";
    }
    StringBuilder sb = new StringBuilder();
    if (nanos < 0) {
      sb.append('-');
      nanos = -nanos;
    }
    if (nanos < 1_000_000_000L) {
      if (nanos < 1_000) {
        return sb.append(nanos).append("ns").toString();
      }
      if (nanos < 1_000_000) {
        return sb.append(trim(nanos / 1e3)).append("µs").toString();
      }
      return sb.append(trim(nanos / 1e6)).append("ms").toString();
    }
    long hours = nanos / 3_600_000_000_000L;
    long rem = nanos % 3_600_000_000_000L;
    long minutes = rem / 60_000_000_000L;
    double seconds = (rem % 60_000_000_000L) / 1e9;
    if (hours > 0) {
      sb.append(hours).append('h').append(minutes).append('m');
    } else if (minutes > 0) {
      sb.append(minutes).append('m');
    }
    return sb.append(trim(seconds)).append('s').toString();
  }

  private static String trim(double v) {
    String s = String.format(java.util.Locale.ROOT, "%.9f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
