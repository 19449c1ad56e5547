package io.vessel.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.vessel.cri.v1.Mount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PodSyncerVolumesTest extends PodSyncerTestBase {

  private Pod pod() {
    Container c =
        new ContainerBuilder(TestPods.container("main"))
            .withVolumeMounts(
                new VolumeMountBuilder().withName("scratch").withMountPath("/scratch").build(),
                new VolumeMountBuilder().withName("conf").withMountPath("/etc/app.conf").withSubPath("app.conf").build(),
                new VolumeMountBuilder().withName("creds").withMountPath("/creds").withReadOnly(true).build(),
                new VolumeMountBuilder().withName("info").withMountPath("/info").build())
            .build();
    return new PodBuilder(TestPods.pod("web", c))
        .editMetadata().addToLabels("app", "web").addToLabels("tier", "front").endMetadata()
        .editSpec()
        .addToVolumes(
            new VolumeBuilder().withName("scratch").withNewEmptyDir().endEmptyDir().build(),
            new VolumeBuilder().withName("conf").withNewConfigMap().withName("settings")
                .addNewItem().withKey("mode").withPath("app.conf").endItem().endConfigMap().build(),
            new VolumeBuilder().withName("creds").withNewSecret().withSecretName("creds").withDefaultMode(0400)
                .endSecret().build(),
            new VolumeBuilder().withName("info").withNewDownwardAPI()
                .addNewItem().withPath("labels").withNewFieldRef().withFieldPath("metadata.labels").endFieldRef().endItem()
                .addNewItem().withPath("name").withNewFieldRef().withFieldPath("metadata.name").endFieldRef().endItem()
                .endDownwardAPI().build())
        .endSpec()
        .build();
  }

  @Test
  @DisplayName("sync, emptyDir, configMap item with subPath, secret with defaultMode, downwardAPI: files in place, bind-mounted")
  void mountsVolumes() throws Exception {
    // Given
    objects.configMap("default", "settings", Map.of("mode", "fast", "other", "x"));
    objects.secret("default", "creds", Map.of("user", "admin"));
    var pod = pod();

    // When
    var result = syncer.syncPod(pod);

    // Then
    assertThat(status(result.status(), "main").getState().getRunning()).isNotNull();
    Map<String, Mount> mounts =
        cri.containerStatus(runningId(pod, "main")).getMountsList().stream()
            .collect(Collectors.toMap(Mount::getContainerPath, m -> m));
    assertThat(mounts).containsOnlyKeys(
        "/scratch", "/etc/app.conf", "/creds", "/info", "/dev/termination-log");
    assertThat(Path.of(mounts.get("/scratch").getHostPath())).isDirectory();
    assertThat(Files.readString(Path.of(mounts.get("/etc/app.conf").getHostPath()))).isEqualTo("fast");
    Path creds = Path.of(mounts.get("/creds").getHostPath());
    assertThat(mounts.get("/creds").getReadonly()).isTrue();
    assertThat(Files.readString(creds.resolve("user"))).isEqualTo("admin");
    assertThat(Files.getPosixFilePermissions(creds.resolve("user"))).isEqualTo(VolumeFiles.permissions(0400));
    assertThat(Files.isSymbolicLink(creds.resolve("..data"))).isTrue();
    Path info = Path.of(mounts.get("/info").getHostPath());
    assertThat(Files.readString(info.resolve("labels"))).isEqualTo("app=\"web\"\ntier=\"front\"");
    assertThat(Files.readString(info.resolve("name"))).isEqualTo("web");

    // When the pod goes
    syncer.terminatePod(pod.getMetadata().getUid(), 0);

    // Then its volumes go with it
    assertThat(creds).doesNotExist();
    assertThat(Path.of(mounts.get("/scratch").getHostPath())).doesNotExist();
  }

  @Test
  @DisplayName("sync, a configMap volume whose ConfigMap is missing: nothing starts, ContainerCreating with the kubelet's message")
  void waitsForItsVolume() {
    objects.secret("default", "creds", Map.of("user", "admin"));
    var pod = pod();

    var result = syncer.syncPod(pod);

    var waiting = status(result.status(), "main").getState().getWaiting();
    assertThat(waiting.getReason()).isEqualTo("ContainerCreating");
    assertThat(waiting.getMessage())
        .isEqualTo("MountVolume.SetUp failed for volume \"conf\" : configmap \"settings\" not found");
    assertThat(containers(pod)).isEmpty();
    assertThat(cri.listPodSandbox()).isEmpty();
  }
}
