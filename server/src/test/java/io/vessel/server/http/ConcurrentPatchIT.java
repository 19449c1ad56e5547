package io.vessel.server.http;

import static io.vessel.kit.client.Resources.CONFIG_MAPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.vertx.core.Future;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.ApiException;
import io.vessel.kit.client.Blocking;
import io.vessel.server.testing.LiveServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Patches that name no resourceVersion are re-applied to the newer object when another write
 * wins the race, so they never fail with 409; one that names a stale resourceVersion does.
 */
class ConcurrentPatchIT {
  @Test
  void racingPatchesAllLandAndStalePreconditionsConflict() throws Exception {
    try (LiveServer live = LiveServer.start(); ApiClient api = live.client()) {
      ConfigMap cm = Blocking.await(api.create(CONFIG_MAPS,
          new ConfigMapBuilder().withNewMetadata().withNamespace("default").withName("racy").endMetadata().build()));
      int n = 40;
      long t0 = System.nanoTime();
      List<Future<ConfigMap>> patches = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        patches.add(api.mergePatch(CONFIG_MAPS, "default", "racy", "", Map.of("data", Map.of("k" + i, "v"))));
      }
      for (Future<ConfigMap> f : patches) {
        Blocking.await(f); // a 409 here would throw
      }
      System.out.printf("%d racing patches landed in %d ms%n", n, (System.nanoTime() - t0) / 1_000_000);
      ConfigMap after = Blocking.await(api.get(CONFIG_MAPS, "default", "racy"));
      assertThat(after.getData()).hasSize(n);

      String stale = cm.getMetadata().getResourceVersion();
      assertThatThrownBy(() -> Blocking.await(api.mergePatch(CONFIG_MAPS, "default", "racy", "",
              Map.of("metadata", Map.of("resourceVersion", stale), "data", Map.of("x", "y")))))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(409));
      assertThat(Blocking.await(api.get(CONFIG_MAPS, "default", "racy")).getData()).doesNotContainKey("x");
    }
  }
}
