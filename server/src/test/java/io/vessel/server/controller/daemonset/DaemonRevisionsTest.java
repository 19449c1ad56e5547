package io.vessel.server.controller.daemonset;

import static io.vessel.server.controller.daemonset.DaemonFixtures.daemonSet;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.vessel.kit.client.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DaemonRevisionsTest {
  /** The revision as the informer hands it back: through JSON text. */
  private static ControllerRevision overTheWire(ControllerRevision cr) throws Exception {
    return Json.mapper().readValue(Json.mapper().writeValueAsString(cr), ControllerRevision.class);
  }

  @Test
  @DisplayName("build, current template, named and labelled by its hash, owned, numbered")
  void build() {
    DaemonSet ds = daemonSet();
    ds.getSpec().getTemplate().getSpec().setTerminationGracePeriodSeconds(30L);

    ControllerRevision cr = DaemonRevisions.build(ds, 3);

    String hash = DaemonRevisions.hash(ds);
    assertThat(cr.getMetadata().getName()).isEqualTo("agent-" + hash);
    assertThat(cr.getMetadata().getLabels()).containsEntry("controller-revision-hash", hash).containsEntry("app", "agent");
    assertThat(cr.getMetadata().getAnnotations()).containsEntry("deprecated.daemonset.template.generation", "1");
    assertThat(cr.getMetadata().getOwnerReferences()).singleElement().satisfies(r -> assertThat(r.getController()).isTrue());
    assertThat(cr.getRevision()).isEqualTo(3L);
    assertThat(DaemonRevisions.hashOf(cr)).isEqualTo(hash);
  }

  @Test
  @DisplayName("matches, revision read back from the wire, same template matches, another does not")
  void matchesAfterRoundTrip() throws Exception {
    DaemonSet ds = daemonSet();
    ds.getSpec().getTemplate().getSpec().setTerminationGracePeriodSeconds(30L);
    ControllerRevision stored = overTheWire(DaemonRevisions.build(ds, 1));

    assertThat(DaemonRevisions.matches(ds, stored)).isTrue();
    ds.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("agent:2");
    assertThat(DaemonRevisions.matches(ds, stored)).isFalse();
  }

  @Test
  @DisplayName("hash, collision count set, a different name")
  void collisionCountChangesTheHash() {
    DaemonSet ds = daemonSet();
    String plain = DaemonRevisions.hash(ds);
    ds.setStatus(new DaemonSetStatus());
    ds.getStatus().setCollisionCount(1);

    assertThat(DaemonRevisions.hash(ds)).isNotEqualTo(plain);
  }
}
