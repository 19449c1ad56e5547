package io.vessel.server.registry;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vessel.server.api.HumanDuration;
import java.time.Duration;
import java.time.Instant;

/** The AGE cell: "<unknown>" without a creation timestamp, else a short human duration. */
public final class Ages {
  private Ages() {}

  public static String of(HasMetadata obj, Instant now) {
    String ts = obj.getMetadata().getCreationTimestamp();
    if (ts == null || ts.isEmpty()) {
      return "<unknown>";
    }
    return HumanDuration.format(Duration.between(Instant.parse(ts), now));
  }
}
