package io.vessel.server.controller.serviceaccount;

import static io.vessel.kit.client.Resources.CONFIG_MAPS;
import static io.vessel.kit.client.Resources.NAMESPACES;
import static io.vessel.kit.client.Resources.SERVICE_ACCOUNTS;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.vessel.kit.client.ApiException;
import io.vessel.kit.client.Blocking;
import io.vessel.kit.client.ListOptions;
import io.vessel.kit.controller.Controller;
import io.vessel.kit.controller.Result;
import io.vessel.kit.informer.Informer;
import io.vessel.server.controller.Loops;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What every namespace holds from its creation on, as kube-controller-manager's serviceaccount
 * and root-ca-cert-publisher controllers keep it: the {@code default} ServiceAccount and the
 * {@code kube-root-ca.crt} ConfigMap with the cluster CA. Deleted or edited, they come back.
 */
public final class NamespaceDefaultsController {
  public static final String ROOT_CA = "kube-root-ca.crt";
  private static final String DESCRIPTION =
      "Contains a CA bundle that can be used to verify the kube-apiserver when using internal"
          + " endpoints such as the internal service IP or kubernetes.default.svc. No other usage is"
          + " guaranteed across distributions of Kubernetes clusters.";

  private final Loops loops;
  private final String caPem;
  private final Informer<Namespace> namespaces;
  private final Informer<ServiceAccount> accounts;
  private final Informer<ConfigMap> rootCas;

  private NamespaceDefaultsController(Loops loops, String caPem) {
    this.loops = loops;
    this.caPem = caPem;
    this.namespaces = loops.informers().of(NAMESPACES);
    this.accounts = loops.informers().of(SERVICE_ACCOUNTS, ListOptions.fields("metadata.name=default"));
    this.rootCas = loops.informers().of(CONFIG_MAPS, ListOptions.fields("metadata.name=" + ROOT_CA));
  }

  public static void register(Loops loops, String caPem) {
    NamespaceDefaultsController c = new NamespaceDefaultsController(loops, caPem);
    loops.add(
        new Controller("namespace-defaults", 2, c::reconcile)
            .watches(c.namespaces)
            .watches(c.accounts, NamespaceDefaultsController::namespaceKey)
            .watches(c.rootCas, NamespaceDefaultsController::namespaceKey));
  }

  private static List<String> namespaceKey(HasMetadata o) {
    return List.of(o.getMetadata().getNamespace());
  }

  private Result reconcile(String namespace) {
    Namespace ns = namespaces.get(namespace);
    if (ns == null || ns.getMetadata().getDeletionTimestamp() != null) {
      return Result.done();
    }
    if (accounts.get(namespace, "default") == null) {
      ServiceAccount sa = new ServiceAccount();
      sa.setMetadata(meta(namespace, "default"));
      createTolerant(() -> loops.client().create(SERVICE_ACCOUNTS, sa));
    }
    ConfigMap existing = rootCas.get(namespace, ROOT_CA);
    if (existing == null) {
      ConfigMap cm = new ConfigMap();
      cm.setMetadata(meta(namespace, ROOT_CA));
      cm.getMetadata().setAnnotations(Map.of("kubernetes.io/description", DESCRIPTION));
      cm.setData(Map.of("ca.crt", caPem));
      createTolerant(() -> loops.client().create(CONFIG_MAPS, cm));
    } else if (existing.getData() == null || !Objects.equals(existing.getData().get("ca.crt"), caPem)) {
      Blocking.await(
          loops.client()
              .mergePatch(CONFIG_MAPS, namespace, ROOT_CA, "", Map.of("data", Map.of("ca.crt", caPem))));
    }
    return Result.done();
  }

  private static ObjectMeta meta(String namespace, String name) {
    ObjectMeta m = new ObjectMeta();
    m.setNamespace(namespace);
    m.setName(name);
    return m;
  }

  /** Already there (our cache lags) is done; a terminating namespace refuses it, also done. */
  private static void createTolerant(java.util.function.Supplier<io.vertx.core.Future<?>> create) {
    try {
      Blocking.await(create.get());
    } catch (ApiException e) {
      if (!e.alreadyExists() && e.code() != 403) {
        throw e;
      }
    }
  }
}
