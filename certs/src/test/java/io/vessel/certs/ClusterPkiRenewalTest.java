package io.vessel.certs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leaves that are valid but out of date are reissued: that is configuration, not corruption. */
class ClusterPkiRenewalTest {

  @TempDir Path tmp;

  @Test
  @DisplayName("loadOrCreate, new extra SAN requested, reissues only the serving certificate")
  void reissuesServingForNewSan() throws Exception {
    // Given
    var dir = tmp.resolve("pki");
    var first = ClusterPki.loadOrCreate(dir, ServingIdentity.of("host-a"));
    var wider = new ServingIdentity("host-a", List.of("lb.example.com", "192.0.2.10"), "10.96.0.1");

    // When
    var second = ClusterPki.loadOrCreate(dir, wider);

    // Then
    var serving = second.serving().certificate();
    assertThat(serving).isNotEqualTo(first.serving().certificate());
    assertThat(CertificateNames.dnsNames(serving)).contains("lb.example.com");
    assertThat(CertificateNames.ipAddresses(serving)).contains(InetAddress.getByName("192.0.2.10"));
    assertThat(second.serving().privateKey()).isEqualTo(first.serving().privateKey());
    assertThat(second.admin()).isEqualTo(first.admin());
    assertThat(second.changes())
        .singleElement()
        .asString()
        .contains("apiserver.crt", "lb.example.com");
    assertThat(ClusterPki.load(dir).serving().certificate()).isEqualTo(serving);
  }

  @Test
  @DisplayName("loadOrCreate, fewer SANs requested than present, keeps the serving certificate")
  void keepsServingWithFewerSans() {
    // Given
    var dir = tmp.resolve("pki");
    var wide = new ServingIdentity("host-a", List.of("lb.example.com"), "10.96.0.1");
    var first = ClusterPki.loadOrCreate(dir, wide);

    // When
    var second = ClusterPki.loadOrCreate(dir, ServingIdentity.of("host-a"));

    // Then
    assertThat(second.serving()).isEqualTo(first.serving());
    assertThat(second.changes()).isEmpty();
  }

  @Test
  @DisplayName("loadOrCreate, leaf expiring within 30 days, reissues it for a year")
  void reissuesExpiringLeaf() {
    // Given
    var dir = tmp.resolve("pki");
    var first = ClusterPki.loadOrCreate(dir, ServingIdentity.of("host-a"));
    var layout = first.layout();
    var shortLived =
        first
            .ca()
            .sign(
                Identities.admin().withValidity(Duration.ofDays(10)),
                first.admin().certificate().getPublicKey());
    Pem.write(layout.admin().cert(), shortLived);

    // When
    var second = ClusterPki.loadOrCreate(dir, ServingIdentity.of("host-a"));

    // Then
    var notAfter = second.admin().certificate().getNotAfter().toInstant();
    assertThat(notAfter).isAfter(Instant.now().plus(Duration.ofDays(360)));
    assertThat(second.admin().commonName()).isEqualTo("kubernetes-admin");
    assertThat(second.changes()).singleElement().asString().contains("admin.crt", "expires");
    assertThat(second.serving()).isEqualTo(first.serving());
  }

  @Test
  @DisplayName("issueNode, node certificate expiring soon, reissues it")
  void reissuesExpiringNode() {
    // Given
    var pki = ClusterPki.loadOrCreate(tmp.resolve("pki"), ServingIdentity.of("host-a"));
    var node = pki.issueNode("worker-1");
    var shortLived =
        pki.ca()
            .sign(
                Identities.node("worker-1").withValidity(Duration.ofDays(1)),
                node.certificate().getPublicKey());
    Pem.write(pki.layout().node("worker-1").cert(), shortLived);

    // When
    var renewed = pki.issueNode("worker-1");

    // Then
    assertThat(renewed.certificate()).isNotEqualTo(shortLived);
    assertThat(renewed.certificate().getNotAfter().toInstant())
        .isAfter(Instant.now().plus(Duration.ofDays(360)));
  }
}
