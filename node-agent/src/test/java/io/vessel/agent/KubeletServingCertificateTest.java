package io.vessel.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.vessel.certs.CertificateNames;
import io.vessel.certs.Pem;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KubeletServingCertificateTest {

  @Test
  @DisplayName("generate, node names and IP, is a serving cert for them signed by its own CA")
  void generate() throws Exception {
    // When
    var cert =
        KubeletServingCertificate.generate(
            "node-a", List.of("host-1", "10.0.0.5", "", "node-a"),
            Instant.ofEpochSecond(1_800_000_000L));

    // Then
    var leaf = cert.serving().certificate();
    var ca = Pem.parseCertificate(cert.caPem());
    assertThat(cert.sans()).containsExactly("node-a", "host-1", "10.0.0.5");
    assertThat(CertificateNames.commonName(leaf)).isEqualTo("node-a@1800000000");
    assertThat(CertificateNames.commonName(ca)).isEqualTo("node-a-ca@1800000000");
    assertThat(leaf.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    leaf.verify(ca.getPublicKey());
    assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
  }
}
