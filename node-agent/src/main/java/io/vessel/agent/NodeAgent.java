package io.vessel.agent;

import io.vertx.core.Vertx;
import io.vessel.agent.probe.ProbeManager;
import io.vessel.cri.CriClient;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.Blocking;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running node agent: serves the kubelet API (container logs), registers the Node, then
 * heartbeats its Lease, reports its conditions, relists the runtime every second, and runs the pods
 * bound to it through pod workers.
 *
 * <p>Threads: one scheduler thread for the periodic jobs (heartbeat, node status, relist, pod
 * requeues), a small pool for pod workers (CRI and API calls block there), two prober threads
 * that time and run container probes (they block on probes, never on pods), and the informer's
 * Vert.x context, which only hands pods to the workers. The kubelet API runs on Vert.x event loops
 * with a worker pool of its own for file reads.
 */
public final class NodeAgent implements AutoCloseable {
  static final int POD_WORKER_THREADS = 4;
  private static final Logger LOG = LoggerFactory.getLogger(NodeAgent.class);

  private final ScheduledExecutorService scheduler;
  private final ExecutorService podExecutor;
  private final ProbeManager probes;
  private final PodSource podSource;
  private final KubeletServer kubelet;

  private NodeAgent(
      ScheduledExecutorService scheduler, ExecutorService podExecutor, ProbeManager probes,
      PodSource podSource, KubeletServer kubelet) {
    this.scheduler = scheduler;
    this.podExecutor = podExecutor;
    this.probes = probes;
    this.podSource = podSource;
    this.kubelet = kubelet;
  }

  /**
   * Starts the kubelet API, registers the node (with the API's port) and starts every loop;
   * returns once the pod list has synced.
   *
   * @param api a client with rights on nodes, leases and pods
   * @param cri a connected runtime client; the caller keeps ownership
   */
  public static NodeAgent start(Vertx vertx, ApiClient api, CriClient cri, AgentConfig config) {
    Clock clock = Clock.systemUTC();
    HostFacts host = HostFacts.read(config.rootDir());
    var scheduler =
        Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "node-agent-scheduler"));
    var podExecutor =
        Executors.newFixedThreadPool(POD_WORKER_THREADS, r -> daemon(r, "pod-worker"));
    // probe results wake pod workers, which do not exist yet when the prober is made
    var workersRef = new AtomicReference<PodWorkers>();
    var probes = new ProbeManager(cri, uid -> workersRef.get().wake(uid), clock);
    var syncer =
        new PodSyncer(
            cri,
            config,
            host.internalIp(),
            new ApiPodObjects(api),
            NodeAllocatable.of(host),
            new BackOff(clock),
            clock,
            probes);
    var lifecycle = new PodLifecycle(syncer, new PodStatusWriter(api), api);
    var workers = new PodWorkers(lifecycle, podExecutor, scheduler);
    workersRef.set(workers);
    var podSource = new PodSource(vertx, api, config.nodeName(), workers);
    KubeletServer kubelet = null;
    try {
      // first: the Node must say which port the API server reaches the kubelet API on
      kubelet =
          Blocking.await(
              KubeletServer.start(
                  vertx, config, host.hostname(), host.internalIp(), podSource::pod,
                  ContainerStates.of(cri), cri));
      var node =
          new NodeRegistrar(api, config.nodeName(), host, cri.runtimeVersion(), kubelet.port())
              .register();
      var heartbeat = new NodeLeaseHeartbeat(api, node, clock);
      var reporter = new NodeStatusReporter(api, cri, config.nodeName(), clock);
      scheduler.scheduleWithFixedDelay(
          heartbeat::renew, 0, NodeLeaseHeartbeat.RENEW_EVERY.toMillis(), TimeUnit.MILLISECONDS);
      scheduler.scheduleWithFixedDelay(reporter::report, 0, 10, TimeUnit.SECONDS);
      var relister = new RuntimeRelister(cri, workers, podSource::hasSynced);
      Blocking.await(podSource.start());
      scheduler.scheduleWithFixedDelay(relister::relist, 0, 1, TimeUnit.SECONDS);
    } catch (RuntimeException e) {
      // a failed start must not keep the port or the threads
      try {
        new NodeAgent(scheduler, podExecutor, probes, podSource, kubelet).close();
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    LOG.info("node agent {} started (runtime {}, kubelet port {})", config.nodeName(),
        cri.runtimeVersion().containerRuntimeVersion(), kubelet.port());
    return new NodeAgent(scheduler, podExecutor, probes, podSource, kubelet);
  }

  /** The kubelet API's bound port. */
  public int kubeletPort() {
    return kubelet.port();
  }

  /** Stops the loops; containers keep running (a restarted agent adopts them). */
  @Override
  public void close() {
    podSource.stop();
    probes.close();
    scheduler.shutdownNow();
    podExecutor.shutdownNow();
    try {
      podExecutor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (kubelet != null) {
      Blocking.await(kubelet.close());
    }
  }

  private static Thread daemon(Runnable r, String name) {
    var t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
