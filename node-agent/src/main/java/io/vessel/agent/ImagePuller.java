package io.vessel.agent;

import io.fabric8.kubernetes.api.model.Container;
import io.vessel.cri.CriClient;
import io.vessel.cri.CriException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a container's image present, per its imagePullPolicy: ImageStatus first, PullImage only
 * when the image is missing. {@code Always} therefore behaves like {@code IfNotPresent} for an image
 * that is present: containerd resolves every pull at the registry, and this machine has none
 * (CRI-NOTES). A failed pull gives {@code ErrImagePull}, and retries within the back-off give
 * {@code ImagePullBackOff}, as upstream.
 */
final class ImagePuller {
  private static final Logger LOG = LoggerFactory.getLogger(ImagePuller.class);

  /** Either the image reference to create the container with, or why the container waits. */
  record Outcome(String imageRef, String reason, String message, Duration retryAfter) {
    boolean ready() {
      return imageRef != null;
    }

    static Outcome ready(String ref) {
      return new Outcome(ref, null, null, null);
    }

    static Outcome waiting(String reason, String message, Duration retryAfter) {
      return new Outcome(null, reason, message, retryAfter);
    }
  }

  private final CriClient cri;
  private final BackOff backOff;
  private final Clock clock;
  /** When each key's last pull failed; the back-off counts from there. */
  private final Map<String, Instant> failures = new ConcurrentHashMap<>();

  ImagePuller(CriClient cri, BackOff backOff, Clock clock) {
    this.cri = cri;
    this.backOff = backOff;
    this.clock = clock;
  }

  Outcome ensure(String podUid, Container container) {
    String image = container.getImage();
    var present = cri.imageStatus(image);
    if (present.isPresent()) {
      return Outcome.ready(present.get().getId());
    }
    if ("Never".equals(container.getImagePullPolicy())) {
      return Outcome.waiting(
          "ErrImageNeverPull",
          "Container image \"" + image + "\" is not present with pull policy of Never",
          null);
    }
    String key = podUid + "/pull/" + image;
    Duration wait = backOff.remaining(key, lastFailure(key));
    if (!wait.isZero()) {
      return Outcome.waiting(
          "ImagePullBackOff", "Back-off pulling image \"" + image + "\"", wait);
    }
    try {
      String ref = cri.pullImage(image);
      LOG.info("pulled image {}", image);
      return Outcome.ready(ref);
    } catch (CriException e) {
      backOff.next(key);
      failures.put(key, clock.instant());
      return Outcome.waiting(
          "ErrImagePull",
          "Failed to pull image \"" + image + "\": " + e.getMessage(),
          backOff.delay(key));
    }
  }

  private Instant lastFailure(String key) {
    return failures.getOrDefault(key, Instant.EPOCH);
  }

  void forget(String podUid) {
    failures.keySet().removeIf(k -> k.startsWith(podUid + "/"));
  }
}
