package io.vessel.conformance.suites.foundation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vessel.conformance.harness.Clusters;
import io.vessel.conformance.harness.LocalCluster;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The launcher's contract as a user meets it: {@code up}, {@code status}, {@code down}. The tests
 * share one Vessel and run in order because the last one stops it.
 */
@Tag("launcher")
@DisplayName("Launcher")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherIT {

  private static LocalCluster cluster;

  @BeforeAll
  static void startVessel() {
    assumeTrue(
        Clusters.externalKubeconfig().isEmpty(), "tests the launcher, not an external cluster");
    cluster = LocalCluster.start();
  }

  @AfterAll
  static void stopVessel() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  @DisplayName(
      "up --detach, fresh state dir, prints the export KUBECONFIG line for a kubeconfig on"
          + " 127.0.0.1")
  void upPrintsKubeconfigExport() throws IOException {
    // Given: the cluster started in startVessel
    var up = cluster.lastUp();

    // Then
    // the launcher prints the canonical path of the state directory
    var kubeconfig = cluster.stateDir().toRealPath().resolve("kubeconfig");
    assertThat(up.stdoutLines()).as(up::describe).contains("export KUBECONFIG=" + kubeconfig);
    assertThat(kubeconfig).isRegularFile();
    assertThat(cluster.server()).isEqualTo("https://127.0.0.1:" + cluster.port());
    var ready = cluster.rest().get("/readyz");
    assertThat(ready.status()).as(ready.describe()).isEqualTo(200);
  }

  @Test
  @Order(2)
  @DisplayName("status, running, exits 0 and says running")
  void statusWhileRunning() {
    // When
    var status = cluster.launcher().status(cluster.stateDir());

    // Then
    assertThat(status.exitCode()).as(status::describe).isZero();
    assertThat(status.stdout() + status.stderr())
        .as(status::describe)
        .contains("running")
        .doesNotContain("not running");
  }

  @Test
  @Order(3)
  @DisplayName(
      "up, state dir already running, exits non-zero saying already running and keeps serving")
  void upWhileRunningIsRefused() {
    // When
    var second = cluster.launcher().up(cluster.stateDir(), cluster.port());

    // Then
    assertThat(second.exitCode()).as(second::describe).isNotZero();
    assertThat(second.stdout() + second.stderr()).as(second::describe).contains("already running");
    var ready = cluster.rest().get("/readyz");
    assertThat(ready.status()).as(ready.describe()).isEqualTo(200);
  }

  @Test
  @Order(4)
  @DisplayName("down, running, exits 0 and status then exits 3 saying not running")
  void downStops() {
    // When
    var down = cluster.launcher().down(cluster.stateDir());

    // Then
    assertThat(down.exitCode()).as(down::describe).isZero();
    var status = cluster.launcher().status(cluster.stateDir());
    assertThat(status.exitCode()).as(status::describe).isEqualTo(3);
    assertThat(status.stdout() + status.stderr()).as(status::describe).contains("not running");
  }

  @Test
  @Order(5)
  @DisplayName("down, not running, exits 0")
  void downWhenStoppedSucceeds() {
    // Given
    cluster.launcher().down(cluster.stateDir());

    // When
    var again = cluster.launcher().down(cluster.stateDir());

    // Then
    assertThat(again.exitCode()).as(again::describe).isZero();
  }
}
