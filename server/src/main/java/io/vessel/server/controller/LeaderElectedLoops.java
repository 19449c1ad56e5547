package io.vessel.server.controller;

import io.vertx.core.Vertx;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.events.EventRecorder;
import io.vessel.kit.leader.LeaderElector;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a set of loops only while this replica holds their Lease in kube-system. Losing the
 * Lease stops them; winning it again builds them anew from fresh caches, since a stale cache
 * from a past term could undo the other leader's work.
 */
final class LeaderElectedLoops implements LeaderElector.Callbacks {
  private static final Logger LOG = LoggerFactory.getLogger(LeaderElectedLoops.class);

  private final Vertx vertx;
  private final ApiClient client;
  private final String component;
  private final String identity;
  private final Consumer<Loops> setup;
  private final LeaderElector elector;
  private Loops running;

  LeaderElectedLoops(
      Vertx vertx, ApiClient client, String component, String identity, Consumer<Loops> setup) {
    this.vertx = vertx;
    this.client = client;
    this.component = component;
    this.identity = identity;
    this.setup = setup;
    this.elector =
        new LeaderElector(
            client, "kube-system", component, identity, LeaderElector.LeaseTimings.DEFAULT, this);
  }

  void start() {
    elector.start();
  }

  void stop(boolean handOver) {
    elector.stop(handOver);
  }

  boolean leading() {
    return elector.leading();
  }

  @Override
  public synchronized void startedLeading() {
    Loops loops =
        new Loops(
            new SharedInformers(vertx, client), client, new EventRecorder(client, component, identity));
    setup.accept(loops);
    running = loops;
    loops.start().onFailure(t -> LOG.error("{} loops failed to start", component, t));
  }

  @Override
  public synchronized void stoppedLeading() {
    if (running != null) {
      running.stop();
      running = null;
    }
  }
}
