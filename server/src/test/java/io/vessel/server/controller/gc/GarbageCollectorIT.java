package io.vessel.server.controller.gc;

import static io.vessel.kit.client.Resources.CONFIG_MAPS;
import static io.vessel.kit.client.Resources.JOBS;
import static io.vessel.kit.client.Resources.PODS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.vertx.core.Future;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.ApiException;
import io.vessel.kit.client.Blocking;
import io.vessel.kit.client.ResourceType;
import io.vessel.server.testing.LiveServer;
import io.vessel.server.testing.LiveServerExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The garbage collector against a live server and real PostgreSQL: owners and dependents made of
 * ConfigMaps and Pods (no other controller touches them), deleted with each propagation policy.
 */
class GarbageCollectorIT {
  private static final String NS = "default";
  private static final Duration WAIT = Duration.ofSeconds(30);
  @RegisterExtension
  static final LiveServerExtension cluster = LiveServerExtension.plain();

  private static LiveServer live;
  private static ApiClient api;

  @Test
  @DisplayName("delete owner, Background, its dependents are collected")
  void background() {
    ConfigMap owner = configMap("bg-owner", List.of(), List.of());
    configMap("bg-dep", List.of(ref(owner, false)), List.of());
    pod("bg-pod", List.of(ref(owner, true)), List.of());

    delete(CONFIG_MAPS, "bg-owner", "Background");

    awaitGone(CONFIG_MAPS, "bg-dep");
    awaitGone(PODS, "bg-pod");
  }

  @Test
  @DisplayName("delete owner, Foreground, the owner stays until its blocking dependent is gone")
  void foreground() {
    ConfigMap owner = configMap("fg-owner", List.of(), List.of());
    pod("fg-pod", List.of(ref(owner, true)), List.of("example.com/hold"));
    configMap("fg-loose", List.of(ref(owner, false)), List.of());

    delete(CONFIG_MAPS, "fg-owner", "Foreground");

    // The collector deletes the blocking dependent, which its own finalizer keeps for now.
    await()
        .atMost(WAIT)
        .until(() -> find(PODS, "fg-pod"), p -> p.getMetadata().getDeletionTimestamp() != null);
    ConfigMap waiting = find(CONFIG_MAPS, "fg-owner");
    assertThat(waiting).isNotNull();
    assertThat(waiting.getMetadata().getFinalizers()).containsExactly("foregroundDeletion");

    Blocking.await(
        api.mergePatch(PODS, NS, "fg-pod", "", Map.of("metadata", Map.of("finalizers", List.of()))));

    awaitGone(PODS, "fg-pod");
    awaitGone(CONFIG_MAPS, "fg-owner");
    awaitGone(CONFIG_MAPS, "fg-loose");
  }

  @Test
  @DisplayName("delete owner, Orphan, dependents keep living without the reference")
  void orphan() {
    ConfigMap owner = configMap("or-owner", List.of(), List.of());
    ConfigMap other = configMap("or-other", List.of(), List.of());
    configMap("or-dep", List.of(ref(owner, true), ref(other, false)), List.of());
    pod("or-pod", List.of(ref(owner, false)), List.of());

    delete(CONFIG_MAPS, "or-owner", "Orphan");

    awaitGone(CONFIG_MAPS, "or-owner");
    ConfigMap dep = find(CONFIG_MAPS, "or-dep");
    assertThat(dep.getMetadata().getOwnerReferences())
        .extracting(OwnerReference::getUid)
        .containsExactly(other.getMetadata().getUid());
    assertThat(find(PODS, "or-pod").getMetadata().getOwnerReferences()).isNullOrEmpty();
  }

  @Test
  @DisplayName("delete one of two objects that own each other, Foreground, both are collected")
  void foregroundCycle() {
    cycle("cy-a", "cy-b");

    delete(CONFIG_MAPS, "cy-a", "Foreground");

    awaitGone(CONFIG_MAPS, "cy-a");
    awaitGone(CONFIG_MAPS, "cy-b");
  }

  @Test
  @DisplayName("delete one of two objects that own each other, Background, both are collected")
  void backgroundCycle() {
    cycle("cyb-a", "cyb-b");

    delete(CONFIG_MAPS, "cyb-a", "Background");

    awaitGone(CONFIG_MAPS, "cyb-a");
    awaitGone(CONFIG_MAPS, "cyb-b");
  }

  @Test
  @DisplayName("create dependent of an absent owner, collected; with a live owner too, the dead ref goes")
  void danglingReferences() {
    OwnerReference ghost =
        new OwnerReferenceBuilder()
            .withApiVersion("v1")
            .withKind("ConfigMap")
            .withName("ghost")
            .withUid("00000000-0000-0000-0000-00000000dead")
            .build();
    ConfigMap owner = configMap("dg-owner", List.of(), List.of());

    configMap("dg-orphan", List.of(ghost), List.of());
    configMap("dg-half", List.of(ref(owner, false), ghost), List.of());

    awaitGone(CONFIG_MAPS, "dg-orphan");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(find(CONFIG_MAPS, "dg-half").getMetadata().getOwnerReferences())
                    .extracting(OwnerReference::getUid)
                    .containsExactly(owner.getMetadata().getUid()));
  }

  @Test
  @DisplayName("delete job, no policy, batch/v1 orphans its pods and the job goes")
  void jobOrphansByDefault() {
    Job job =
        new JobBuilder()
            .withNewMetadata()
            .withName("gc-job")
            .withNamespace(NS)
            .endMetadata()
            .withNewSpec()
            .withSuspend(true)
            .withNewTemplate()
            .withNewSpec()
            .withRestartPolicy("Never")
            .addNewContainer()
            .withName("c")
            .withImage("busybox")
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build();
    Job created = Blocking.await(api.create(JOBS, job));
    OwnerReference byJob =
        new OwnerReferenceBuilder()
            .withApiVersion("batch/v1")
            .withKind("Job")
            .withName("gc-job")
            .withUid(created.getMetadata().getUid())
            .withController(true)
            .withBlockOwnerDeletion(true)
            .build();
    pod("gc-job-pod", List.of(byJob), List.of());

    Blocking.await(api.delete(JOBS, NS, "gc-job", new DeleteOptions()));

    awaitGone(JOBS, "gc-job");
    assertThat(find(PODS, "gc-job-pod").getMetadata().getOwnerReferences()).isNullOrEmpty();
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** Two ConfigMaps, each the other's owner with blockOwnerDeletion. */
  private void cycle(String a, String b) {
    ConfigMap first = configMap(a, List.of(), List.of());
    ConfigMap second = configMap(b, List.of(ref(first, true)), List.of());
    Blocking.await(
        api.mergePatch(
            CONFIG_MAPS,
            NS,
            a,
            "",
            Map.of("metadata", Map.of("ownerReferences", List.of(ref(second, true))))));
  }

  private ConfigMap configMap(String name, List<OwnerReference> owners, List<String> finalizers) {
    ConfigMap cm =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(NS)
            .withOwnerReferences(owners)
            .withFinalizers(finalizers)
            .endMetadata()
            .build();
    return Blocking.await(api.create(CONFIG_MAPS, cm));
  }

  private Pod pod(String name, List<OwnerReference> owners, List<String> finalizers) {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(NS)
            .withOwnerReferences(owners)
            .withFinalizers(finalizers)
            .endMetadata()
            .withNewSpec()
            .withSchedulerName("manual")
            .addNewContainer()
            .withName("c")
            .withImage("busybox")
            .endContainer()
            .endSpec()
            .build();
    return Blocking.await(api.create(PODS, pod));
  }

  private static OwnerReference ref(HasMetadata owner, boolean block) {
    return new OwnerReferenceBuilder()
        .withApiVersion(owner.getApiVersion())
        .withKind(owner.getKind())
        .withName(owner.getMetadata().getName())
        .withUid(owner.getMetadata().getUid())
        .withBlockOwnerDeletion(block)
        .build();
  }

  private void delete(ResourceType<?> type, String name, String policy) {
    DeleteOptions opts = new DeleteOptions();
    opts.setPropagationPolicy(policy);
    Blocking.await(api.delete(type, NS, name, opts));
  }

  private void awaitGone(ResourceType<?> type, String name) {
    await().atMost(WAIT).until(() -> find(type, name) == null);
  }

  private <T extends HasMetadata> T find(ResourceType<T> type, String name) {
    return find(() -> api.get(type, NS, name));
  }

  private static <T> T find(Supplier<Future<T>> get) {
    try {
      return Blocking.await(get.get());
    } catch (ApiException e) {
      if (e.notFound()) {
        return null;
      }
      throw e;
    }
  }
}
