package io.vessel.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IdentitiesTest {

  @Test
  @DisplayName("serving, host and extra SANs, lists every name kube-apiserver is reached by")
  void servingSans() {
    // Given
    var id =
        new ServingIdentity(
            "cp-1", List.of("lb.example.com", "192.0.2.10", "fd00::10"), "10.96.0.1");

    // When
    var spec = Identities.serving(id);

    // Then
    assertThat(spec.commonName()).isEqualTo("kube-apiserver");
    assertThat(spec.usages()).containsExactly(CertificateSpec.Usage.SERVER_AUTH);
    assertThat(spec.dnsNames())
        .containsExactly(
            "localhost",
            "cp-1",
            "kubernetes",
            "kubernetes.default",
            "kubernetes.default.svc",
            "kubernetes.default.svc.cluster.local",
            "lb.example.com");
    assertThat(spec.ipAddresses())
        .containsExactly("127.0.0.1", "::1", "10.96.0.1", "192.0.2.10", "fd00::10");
  }

  @Test
  @DisplayName("serving, host given as an IP literal, puts it in the IP SANs")
  void servingIpHost() {
    // Given
    var id = ServingIdentity.of("192.0.2.7");

    // When
    var spec = Identities.serving(id);

    // Then
    assertThat(spec.ipAddresses()).contains("192.0.2.7");
    assertThat(spec.dnsNames()).doesNotContain("192.0.2.7");
  }

  @Test
  @DisplayName("serving, issued by a CA, carries the SANs in the certificate")
  void servingCertificateCarriesSans() throws Exception {
    // Given
    var ca = CertificateAuthority.create();
    var id = new ServingIdentity("cp-1", List.of("192.0.2.10"), "10.96.0.1");

    // When
    var cert = ca.issue(Identities.serving(id)).certificate();

    // Then
    assertThat(CertificateNames.dnsNames(cert)).contains("cp-1", "kubernetes.default.svc");
    assertThat(CertificateNames.ipAddresses(cert))
        .extracting(InetAddress::getHostAddress)
        .containsExactly("127.0.0.1", "0:0:0:0:0:0:0:1", "10.96.0.1", "192.0.2.10");
  }

  @Test
  @DisplayName("node, valid name, is system:node:NAME in system:nodes with client auth")
  void node() {
    // When
    var spec = Identities.node("worker-1.example");

    // Then
    assertThat(spec.commonName()).isEqualTo("system:node:worker-1.example");
    assertThat(spec.organizations()).containsExactly("system:nodes");
    assertThat(spec.usages()).containsExactly(CertificateSpec.Usage.CLIENT_AUTH);
    assertThat(spec.dnsNames()).isEmpty();
  }

  @Test
  @DisplayName("node, upper-case name, is rejected")
  void nodeRejectsInvalidName() {
    assertThatThrownBy(() -> Identities.node("Worker_1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Worker_1");
  }

  @Test
  @DisplayName("admin, always, is kubernetes-admin in system:masters with client auth")
  void admin() {
    // When
    var spec = Identities.admin();

    // Then
    assertThat(spec.commonName()).isEqualTo("kubernetes-admin");
    assertThat(spec.organizations()).containsExactly("system:masters");
    assertThat(spec.usages()).containsExactly(CertificateSpec.Usage.CLIENT_AUTH);
  }

  @Test
  @DisplayName("ServingIdentity, service IP that is a name, is rejected")
  void rejectsNonIpServiceIp() {
    assertThatThrownBy(() -> new ServingIdentity("h", List.of(), "kubernetes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("serviceIp");
  }
}
