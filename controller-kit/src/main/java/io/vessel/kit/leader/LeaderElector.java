package io.vessel.kit.leader;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpec;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.ApiException;
import io.vessel.kit.client.Blocking;
import static io.vessel.kit.client.Resources.LEASES;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a coordination.k8s.io/v1 Lease so that one replica of several runs the loops. Tries to
 * take the Lease every retry period; a holder renews it and gives up leadership if it cannot
 * renew within the renew deadline, before others may take it at the lease duration.
 */
public final class LeaderElector {
  private static final Logger LOG = LoggerFactory.getLogger(LeaderElector.class);

  /** What to run when leadership is won and lost; both are called on the elector's thread. */
  public interface Callbacks {
    void startedLeading();

    void stoppedLeading();
  }

  private final ApiClient client;
  private final String namespace;
  private final String name;
  private final String identity;
  private final LeaseTimings timings;
  private final Callbacks callbacks;
  private final Clock clock;
  private final ScheduledExecutorService thread;
  private volatile boolean leading;
  private long lastRenewMillis;

  public LeaderElector(
      ApiClient client,
      String namespace,
      String name,
      String identity,
      LeaseTimings timings,
      Callbacks callbacks) {
    this.client = client;
    this.namespace = namespace;
    this.name = name;
    this.identity = identity;
    this.timings = timings;
    this.callbacks = callbacks;
    this.clock = Clock.systemUTC();
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "leader-" + name);
              t.setDaemon(true);
              return t;
            });
  }

  public void start() {
    thread.scheduleWithFixedDelay(
        this::tick, 0, timings.retryPeriod().toMillis(), TimeUnit.MILLISECONDS);
  }

  public boolean leading() {
    return leading;
  }

  public String identity() {
    return identity;
  }

  /** Stops trying; a leader steps down and hands the Lease back so another replica takes over at once. */
  public void stop() {
    stop(true);
  }

  /** Stops trying; without {@code release} the Lease is left to expire, as a crashed leader's would. */
  public void stop(boolean release) {
    thread.shutdownNow();
    try {
      // A tick in flight could otherwise win the Lease after we stopped.
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (leading) {
      leading = false;
      callbacks.stoppedLeading();
      if (release) {
        release();
      }
    }
  }

  private void tick() {
    boolean held;
    try {
      held = tryAcquireOrRenew();
    } catch (RuntimeException e) {
      LOG.debug("lease {}/{}: {}", namespace, name, e.getMessage());
      held = false;
    }
    long now = clock.millis();
    if (held) {
      lastRenewMillis = now;
      if (!leading) {
        leading = true;
        LOG.info("{} became the leader of {}/{}", identity, namespace, name);
        callbacks.startedLeading();
      }
    } else if (leading && now - lastRenewMillis > timings.renewDeadline().toMillis()) {
      leading = false;
      LOG.warn("{} lost the lease {}/{}", identity, namespace, name);
      callbacks.stoppedLeading();
    }
  }

  private boolean tryAcquireOrRenew() {
    ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC);
    Lease lease;
    try {
      lease = Blocking.await(client.get(LEASES, namespace, name));
    } catch (ApiException e) {
      if (!e.notFound()) {
        throw e;
      }
      Lease fresh = new Lease();
      fresh.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
      fresh.setSpec(spec(identity, now, now, 0));
      Blocking.await(client.create(LEASES, fresh));
      return true;
    }
    LeaseSpec spec = lease.getSpec() == null ? new LeaseSpec() : lease.getSpec();
    String holder = spec.getHolderIdentity();
    boolean mine = identity.equals(holder);
    if (!mine && holder != null && !holder.isEmpty() && !expired(spec, now)) {
      return false;
    }
    int transitions = spec.getLeaseTransitions() == null ? 0 : spec.getLeaseTransitions();
    ZonedDateTime acquired = mine && spec.getAcquireTime() != null ? spec.getAcquireTime() : now;
    lease.setSpec(spec(identity, acquired, now, mine ? transitions : transitions + 1));
    try {
      Blocking.await(client.update(LEASES, lease)); // resourceVersion precondition: one winner
      return true;
    } catch (ApiException e) {
      if (e.code() == 409) {
        return false;
      }
      throw e;
    }
  }

  private boolean expired(LeaseSpec spec, ZonedDateTime now) {
    if (spec.getRenewTime() == null) {
      return true;
    }
    int seconds =
        spec.getLeaseDurationSeconds() == null
            ? (int) timings.leaseDuration().toSeconds()
            : spec.getLeaseDurationSeconds();
    return spec.getRenewTime().plusSeconds(seconds).isBefore(now);
  }

  private LeaseSpec spec(String holder, ZonedDateTime acquired, ZonedDateTime renewed, int transitions) {
    LeaseSpec s = new LeaseSpec();
    s.setHolderIdentity(holder);
    s.setLeaseDurationSeconds((int) timings.leaseDuration().toSeconds());
    s.setAcquireTime(acquired);
    s.setRenewTime(renewed);
    s.setLeaseTransitions(transitions);
    return s;
  }

  private void release() {
    try {
      Lease lease = Blocking.await(client.get(LEASES, namespace, name));
      if (lease.getSpec() != null && Objects.equals(identity, lease.getSpec().getHolderIdentity())) {
        lease.getSpec().setHolderIdentity(null);
        lease.getSpec().setLeaseDurationSeconds(1);
        Blocking.await(client.update(LEASES, lease));
      }
    } catch (RuntimeException e) {
      LOG.debug("releasing lease {}/{}: {}", namespace, name, e.getMessage());
    }
  }

  /** Upstream's defaults: 15 s lease, 10 s renew deadline, 2 s retry. */
  public record LeaseTimings(Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
    public static final LeaseTimings DEFAULT =
        new LeaseTimings(Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2));
  }
}
