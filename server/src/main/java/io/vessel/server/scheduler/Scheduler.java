package io.vessel.server.scheduler;

import static io.vessel.kit.client.Resources.NODES;
import static io.vessel.kit.client.Resources.PODS;

import io.fabric8.kubernetes.api.model.Binding;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.ApiException;
import io.vessel.kit.client.Blocking;
import io.vessel.kit.controller.Controller;
import io.vessel.kit.controller.Result;
import io.vessel.kit.events.EventRecorder;
import io.vessel.kit.informer.Informer;
import io.vessel.kit.informer.InformerHandler;
import io.vessel.kit.informer.ObjectKeys;
import io.vessel.server.controller.Loops;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * kube-scheduler's job for the pods that name {@code default-scheduler} (or no scheduler): each
 * unassigned pod goes through one {@link SchedulingCycle} over the {@link AssumeCache}, is
 * assumed onto the chosen node and bound through {@code pods/binding}, with a {@code Scheduled}
 * Event. A pod no node fits gets {@code PodScheduled=False}, reason {@code Unschedulable}, with
 * upstream's message, and a {@code FailedScheduling} Event; it is tried again when a node appears
 * or changes in a way that matters, or a placed pod goes ({@link SchedulingBackoff}), and at
 * least every five minutes.
 *
 * <p>Not done yet: priority order among pending pods (they go first come, first served),
 * preemption, inter-pod affinity, topology spread, volume filters.
 */
public final class Scheduler {
  public static final String NAME = "default-scheduler";
  /** Scheduling decisions are serialized by the cache; workers overlap their bindings. */
  private static final int WORKERS = 8;
  /** Upstream's podMaxInUnschedulablePodsDuration: an unschedulable pod's periodic retry. */
  static final Duration UNSCHEDULABLE_RETRY = Duration.ofMinutes(5);

  private final ApiClient client;
  private final Informer<Pod> pods;
  private final AssumeCache cache = new AssumeCache();
  private final SchedulingBackoff backoff;
  private final UnschedulableReporter reporter;
  private final EventRecorder events;
  private final Controller controller;
  private final SplittableRandom random = new SplittableRandom();

  private Scheduler(Loops loops) {
    this.client = loops.client();
    this.pods = loops.informers().of(PODS);
    Informer<Node> nodes = loops.informers().of(NODES);
    this.events = new EventRecorder(client, NAME, NAME + "-" + hostName());
    this.controller = new Controller("scheduler", WORKERS, this::reconcile);
    this.backoff = new SchedulingBackoff(controller.queue());
    this.reporter = new UnschedulableReporter(client, events);
    pods.addHandler(new PodEvents());
    nodes.addHandler(new NodeEvents());
    // The handlers above enqueue; these only make the workers wait for both caches.
    controller.watches(pods, p -> List.of()).watches(nodes, n -> List.of());
  }

  public static void register(Loops loops) {
    loops.add(new Scheduler(loops).controller);
  }

  private Result reconcile(String key) {
    Pod pod = pods.get(key);
    if (pod == null || !pending(pod)) {
      backoff.forget(key);
      return Result.done();
    }
    PodInfo info = PodInfo.of(pod);
    if (cache.placed(info.uid())) {
      return Result.done(); // assumed: its binding is in flight or the informer lags behind it
    }
    // random is only used inside the cache's lock
    ScheduleResult result =
        cache.placeWith(info, nodes -> SchedulingCycle.schedule(info, nodes, random));
    if (!result.fits()) {
      backoff.failed(key);
      reporter.unschedulable(pod, result.message());
      return Result.requeueAfter(UNSCHEDULABLE_RETRY);
    }
    bind(pod, result.node());
    backoff.forget(key);
    return Result.done();
  }

  private void bind(Pod pod, String node) {
    ObjectMeta meta = pod.getMetadata();
    Binding binding = new Binding();
    ObjectMeta bm = new ObjectMeta();
    bm.setNamespace(meta.getNamespace());
    bm.setName(meta.getName());
    bm.setUid(meta.getUid());
    binding.setMetadata(bm);
    ObjectReference target = new ObjectReference();
    target.setKind("Node");
    target.setName(node);
    binding.setTarget(target);
    try {
      Blocking.await(
          client.postSubresource(PODS, meta.getNamespace(), meta.getName(), "binding", binding));
    } catch (ApiException e) {
      cache.forget(meta.getUid());
      backoff.retryAll();
      if (e.notFound() || e.code() == 409) {
        return; // deleted, recreated or bound by someone else: the informer will show which
      }
      throw e;
    } catch (RuntimeException e) {
      cache.forget(meta.getUid());
      backoff.retryAll();
      throw e;
    }
    events.normal(
        pod,
        "Scheduled",
        "Successfully assigned " + meta.getNamespace() + "/" + meta.getName() + " to " + node);
  }

  /** Unassigned, ours, not finished, not being deleted and not gated. */
  static boolean pending(Pod pod) {
    var spec = pod.getSpec();
    if (spec == null || (spec.getNodeName() != null && !spec.getNodeName().isEmpty())) {
      return false;
    }
    String scheduler = spec.getSchedulerName();
    boolean ours = scheduler == null || scheduler.isEmpty() || scheduler.equals(NAME);
    return ours
        && !AssumeCache.terminal(pod)
        && pod.getMetadata().getDeletionTimestamp() == null
        && (spec.getSchedulingGates() == null || spec.getSchedulingGates().isEmpty());
  }

  private static boolean assigned(Pod pod) {
    return pod.getSpec() != null
        && pod.getSpec().getNodeName() != null
        && !pod.getSpec().getNodeName().isEmpty()
        && !AssumeCache.terminal(pod);
  }

  private final class PodEvents implements InformerHandler<Pod> {
    @Override
    public void onAdd(Pod pod) {
      cache.updatePod(pod);
      if (pending(pod)) {
        controller.enqueue(ObjectKeys.of(pod));
      }
    }

    @Override
    public void onUpdate(Pod old, Pod pod) {
      cache.updatePod(pod);
      boolean specChanged =
          !Objects.equals(old.getSpec(), pod.getSpec())
              || !Objects.equals(old.getMetadata().getLabels(), pod.getMetadata().getLabels());
      if (pending(pod) && (!pending(old) || specChanged)) {
        controller.enqueue(ObjectKeys.of(pod));
      }
      if (assigned(old) && !assigned(pod)) {
        backoff.retryAll(); // it finished: its node has room again
      }
    }

    @Override
    public void onDelete(Pod pod) {
      cache.removePod(pod.getMetadata().getUid());
      if (assigned(pod)) {
        backoff.retryAll();
      }
    }
  }

  private final class NodeEvents implements InformerHandler<Node> {
    @Override
    public void onAdd(Node node) {
      cache.setNode(node);
      backoff.retryAll();
    }

    @Override
    public void onUpdate(Node old, Node node) {
      cache.setNode(node);
      if (NodeChanges.matter(old, node)) {
        backoff.retryAll();
      }
    }

    @Override
    public void onDelete(Node node) {
      cache.removeNode(node.getMetadata().getName());
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "localhost";
    }
  }
}
