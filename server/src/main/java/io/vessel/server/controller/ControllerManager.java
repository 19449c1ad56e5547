package io.vessel.server.controller;

import io.vertx.core.Vertx;
import io.vessel.certs.ClusterPki;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.ClientConfig;
import io.vessel.server.ServerConfig;
import java.net.InetAddress;
import java.util.UUID;

/**
 * The built-in controllers and the scheduler, run in the server process as API clients over
 * loopback (the same wire path kubectl uses), each set under its own leader Lease so that one
 * replica of several runs it.
 */
public final class ControllerManager {
  private final ApiClient client;
  private final String identity;
  private final LeaderElectedLoops controllers;
  private final LeaderElectedLoops scheduler;

  private ControllerManager(
      ApiClient client, String identity, LeaderElectedLoops controllers, LeaderElectedLoops scheduler) {
    this.client = client;
    this.identity = identity;
    this.controllers = controllers;
    this.scheduler = scheduler;
  }

  public static ControllerManager start(Vertx vertx, ServerConfig config, ClusterPki pki) {
    String host = loopbackHost(config.bindAddress());
    // The admin identity is in system:masters, as upstream's loopback credential is.
    ApiClient client =
        ApiClient.create(
            vertx,
            new ClientConfig(
                host,
                config.port(),
                pki.ca().certificatePem(),
                pki.admin().certificatePem(),
                pki.admin().privateKeyPem(),
                "vessel-controller-manager"));
    String identity = hostName() + "_" + UUID.randomUUID();
    BuiltinControllers builtin = new BuiltinControllers(pki.ca().certificatePem());
    LeaderElectedLoops controllers =
        new LeaderElectedLoops(vertx, client, "kube-controller-manager", identity, builtin::add);
    LeaderElectedLoops scheduler =
        new LeaderElectedLoops(vertx, client, "kube-scheduler", identity, builtin::addScheduler);
    controllers.start();
    scheduler.start();
    return new ControllerManager(client, identity, controllers, scheduler);
  }

  public boolean leading() {
    return controllers.leading();
  }

  /** Stops every loop; with {@code handOver} the Leases are released so a peer takes over at once. */
  public void stop(boolean handOver) {
    controllers.stop(handOver);
    scheduler.stop(handOver);
    client.close();
  }

  /** The identity this replica competes for leadership under. */
  public String identity() {
    return identity;
  }

  private static String loopbackHost(String bind) {
    return bind.equals("0.0.0.0") || bind.equals("::") || bind.isEmpty() ? "127.0.0.1" : bind;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "localhost";
    }
  }
}
