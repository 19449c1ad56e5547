package io.vessel.server.controller.quota;

import static io.vessel.kit.client.Resources.CONFIG_MAPS;
import static io.vessel.kit.client.Resources.CRON_JOBS;
import static io.vessel.kit.client.Resources.DAEMON_SETS;
import static io.vessel.kit.client.Resources.DEPLOYMENTS;
import static io.vessel.kit.client.Resources.JOBS;
import static io.vessel.kit.client.Resources.PERSISTENT_VOLUME_CLAIMS;
import static io.vessel.kit.client.Resources.PODS;
import static io.vessel.kit.client.Resources.REPLICATION_CONTROLLERS;
import static io.vessel.kit.client.Resources.REPLICA_SETS;
import static io.vessel.kit.client.Resources.RESOURCE_QUOTAS;
import static io.vessel.kit.client.Resources.SECRETS;
import static io.vessel.kit.client.Resources.SERVICES;
import static io.vessel.kit.client.Resources.STATEFUL_SETS;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaStatus;
import io.fabric8.kubernetes.api.model.Service;
import io.vessel.kit.client.ApiException;
import io.vessel.kit.client.Blocking;
import io.vessel.kit.client.ListOptions;
import io.vessel.kit.client.ResourceType;
import io.vessel.kit.controller.Controller;
import io.vessel.kit.controller.Result;
import io.vessel.kit.informer.Informer;
import io.vessel.kit.informer.ObjectKeys;
import io.vessel.server.controller.Loops;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps every ResourceQuota's {@code status.hard} (its spec) and {@code status.used} current, as
 * kube-controller-manager's resourcequota controller: used is counted for each resource the quota
 * names that Vessel knows how to count ({@link QuotaUsage}); recounted when the namespace's pods,
 * services or claims change, and every 10 s for the objects counted by listing. It does not
 * enforce the quota on create (no quota admission yet).
 */
public final class ResourceQuotaController {
  private static final Duration RECOUNT = Duration.ofSeconds(10);
  /** Object counts that are read by listing the namespace, by the names a quota uses. */
  private static final Map<String, ResourceType<? extends HasMetadata>> LISTED =
      Map.ofEntries(
          Map.entry("configmaps", CONFIG_MAPS),
          Map.entry("count/configmaps", CONFIG_MAPS),
          Map.entry("secrets", SECRETS),
          Map.entry("count/secrets", SECRETS),
          Map.entry("replicationcontrollers", REPLICATION_CONTROLLERS),
          Map.entry("count/replicationcontrollers", REPLICATION_CONTROLLERS),
          Map.entry("resourcequotas", RESOURCE_QUOTAS),
          Map.entry("count/resourcequotas", RESOURCE_QUOTAS),
          Map.entry("count/deployments.apps", DEPLOYMENTS),
          Map.entry("count/replicasets.apps", REPLICA_SETS),
          Map.entry("count/statefulsets.apps", STATEFUL_SETS),
          Map.entry("count/daemonsets.apps", DAEMON_SETS),
          Map.entry("count/jobs.batch", JOBS),
          Map.entry("count/cronjobs.batch", CRON_JOBS));

  private final Loops loops;
  private final Informer<ResourceQuota> quotas;
  private final Informer<Pod> pods;
  private final Informer<Service> services;
  private final Informer<PersistentVolumeClaim> claims;

  private ResourceQuotaController(Loops loops) {
    this.loops = loops;
    this.quotas = loops.informers().of(RESOURCE_QUOTAS);
    this.pods = loops.informers().of(PODS);
    this.services = loops.informers().of(SERVICES);
    this.claims = loops.informers().of(PERSISTENT_VOLUME_CLAIMS);
  }

  public static void register(Loops loops) {
    var c = new ResourceQuotaController(loops);
    loops.add(
        new Controller("resourcequota", 2, c::reconcile)
            .watches(c.quotas)
            .watches(c.pods, c::quotasOf)
            .watches(c.services, c::quotasOf)
            .watches(c.claims, c::quotasOf));
  }

  private List<String> quotasOf(HasMetadata o) {
    var keys = new ArrayList<String>();
    for (ResourceQuota q : quotas.list(o.getMetadata().getNamespace())) {
      keys.add(ObjectKeys.of(q));
    }
    return keys;
  }

  private Result reconcile(String key) {
    ResourceQuota quota = quotas.get(key);
    if (quota == null || quota.getSpec() == null || quota.getSpec().getHard() == null) {
      return Result.done();
    }
    String ns = quota.getMetadata().getNamespace();
    Map<String, Quantity> hard = quota.getSpec().getHard();
    var usage = new QuotaUsage();
    usage.pods(pods.list(ns));
    usage.services(services.list(ns));
    usage.claims(claims.list(ns));
    for (String resource : hard.keySet()) {
      var type = LISTED.get(resource);
      if (type != null && !usage.amounts().containsKey(resource)) {
        usage.count(resource, Blocking.await(loops.client().listAll(type, ns, ListOptions.ALL)).items().size());
      }
    }
    Map<String, Quantity> used = new TreeMap<>();
    for (String resource : hard.keySet()) {
      BigDecimal amount = usage.amounts().get(resource);
      if (amount != null) {
        used.put(resource, new Quantity(QuotaQuantities.format(resource, amount)));
      }
    }
    var status = quota.getStatus();
    if (status == null || !sameAmounts(status.getHard(), hard) || !sameAmounts(status.getUsed(), used)) {
      var copy = new ResourceQuota();
      copy.setMetadata(quota.getMetadata());
      copy.setSpec(quota.getSpec());
      copy.setStatus(new ResourceQuotaStatus(new TreeMap<>(hard), used));
      try {
        Blocking.await(loops.client().updateStatus(RESOURCE_QUOTAS, copy));
      } catch (ApiException e) {
        if (!e.conflict() && !e.notFound()) {
          throw e;
        }
        return Result.requeueAfter(Duration.ofMillis(100)); // our copy was stale: count again
      }
    }
    return Result.requeueAfter(RECOUNT);
  }

  /** As strings: used is always written in one format, and hard is copied from the spec. */
  private static boolean sameAmounts(Map<String, Quantity> a, Map<String, Quantity> b) {
    return strings(a).equals(strings(b));
  }

  private static Map<String, String> strings(Map<String, Quantity> map) {
    var out = new TreeMap<String, String>();
    if (map != null) {
      map.forEach((k, v) -> out.put(k, v.toString()));
    }
    return out;
  }
}
