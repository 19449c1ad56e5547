package io.vessel.server.controller.gc;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.vessel.kit.client.Resources;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ObjectGraphTest {

  private static ObjectGraph.Node node(String name, String uid, String... ownerUids) {
    var meta =
        new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace("ns").withUid(uid);
    for (String o : ownerUids) {
      meta.addToOwnerReferences(
          new OwnerReferenceBuilder().withKind("ConfigMap").withName("o").withUid(o).build());
    }
    ConfigMap cm = meta.endMetadata().build();
    return ObjectGraph.Node.of(Resources.CONFIG_MAPS, cm);
  }

  @Test
  @DisplayName("dependents, owner unknown to the graph, still indexed under its uid")
  void indexesDependentsOfUnknownOwners() {
    ObjectGraph graph = new ObjectGraph();

    graph.put(node("a", "ua", "owner"));
    graph.put(node("b", "ub", "owner", "other"));

    assertThat(graph.dependentsOf("owner")).extracting(ObjectGraph.Node::uid).containsOnly("ua", "ub");
    assertThat(graph.dependentsOf("other")).extracting(ObjectGraph.Node::uid).containsOnly("ub");
  }

  @Test
  @DisplayName("update and delete, references dropped, deleted uid remembered as absent")
  void followsChanges() {
    ObjectGraph graph = new ObjectGraph();
    graph.put(node("a", "ua", "owner"));

    graph.put(node("a", "ua"));
    assertThat(graph.dependentsOf("owner")).isEmpty();

    graph.put(node("a", "ua", "owner"));
    graph.remove("ns", "ua");
    assertThat(graph.dependentsOf("owner")).isEmpty();
    assertThat(graph.get("ua")).isNull();
    assertThat(graph.knownAbsent("ns", "ua")).isTrue();
    assertThat(graph.knownAbsent("other", "ua")).isFalse();
    assertThat(graph.knownAbsent("ns", "owner")).isFalse();
  }

  @Test
  @DisplayName("node, deletionTimestamp and finalizers, foreground and orphan states")
  void deletionStates() {
    ConfigMap cm =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("x")
            .withUid("ux")
            .withDeletionTimestamp("2024-01-01T00:00:00Z")
            .withFinalizers(List.of("foregroundDeletion"))
            .endMetadata()
            .build();

    ObjectGraph.Node n = ObjectGraph.Node.of(Resources.CONFIG_MAPS, cm);

    assertThat(n.deletingDependents()).isTrue();
    assertThat(n.orphaning()).isFalse();
    assertThat(n.namespace()).isEmpty();
  }
}
