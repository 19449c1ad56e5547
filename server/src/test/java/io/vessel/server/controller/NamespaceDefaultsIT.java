package io.vessel.server.controller;

import static io.vessel.kit.client.Resources.CONFIG_MAPS;
import static io.vessel.kit.client.Resources.LEASES;
import static io.vessel.kit.client.Resources.NAMESPACES;
import static io.vessel.kit.client.Resources.SERVICE_ACCOUNTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.Blocking;
import io.vessel.server.testing.LiveServer;
import io.vessel.server.testing.LiveServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every namespace gets its default ServiceAccount and root CA ConfigMap, and keeps them. */
class NamespaceDefaultsIT {
  @RegisterExtension
  static final LiveServerExtension cluster = LiveServerExtension.plain();

  private static LiveServer live;
  private static ApiClient api;

  @Test
  void aNewNamespaceGetsItsDefaultsAndKeepsThem() {
    Namespace ns = new Namespace();
    ns.setMetadata(new ObjectMeta());
    ns.getMetadata().setName("defaults-a");
    Blocking.await(api.create(NAMESPACES, ns));

    ServiceAccount sa =
        await().atMost(Duration.ofSeconds(30)).until(() -> find(() -> api.get(SERVICE_ACCOUNTS, "defaults-a", "default")), o -> o != null);
    assertThat(sa.getMetadata().getUid()).isNotEmpty();
    ConfigMap ca =
        await().atMost(Duration.ofSeconds(30)).until(() -> find(() -> api.get(CONFIG_MAPS, "defaults-a", "kube-root-ca.crt")), o -> o != null);
    assertThat(ca.getData().get("ca.crt")).isEqualTo(live.pki().ca().certificatePem());

    Blocking.await(api.delete(SERVICE_ACCOUNTS, "defaults-a", "default", null));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> find(() -> api.get(SERVICE_ACCOUNTS, "defaults-a", "default")),
            o -> o != null && !o.getMetadata().getUid().equals(sa.getMetadata().getUid()));

    // Existing namespaces (created before the controller ran) have theirs too.
    assertThat(find(() -> api.get(SERVICE_ACCOUNTS, "kube-system", "default"))).isNotNull();
    assertThat(find(() -> api.get(CONFIG_MAPS, "default", "kube-root-ca.crt"))).isNotNull();

    Lease lease = Blocking.await(api.get(LEASES, "kube-system", "kube-controller-manager"));
    assertThat(lease.getSpec().getHolderIdentity()).isNotEmpty();
    assertThat(lease.getSpec().getLeaseDurationSeconds()).isEqualTo(15);
  }

  private static <T> T find(java.util.function.Supplier<io.vertx.core.Future<T>> get) {
    try {
      return Blocking.await(get.get());
    } catch (io.vessel.kit.client.ApiException e) {
      if (e.notFound()) {
        return null;
      }
      throw e;
    }
  }
}
