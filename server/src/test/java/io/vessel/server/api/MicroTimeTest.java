package io.vessel.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.vessel.server.registry.ObjectCodec;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MicroTimeTest {
  @Test
  void aLeaseKeepsItsMicroTimesThroughDecodeAndEncode() throws Exception {
    String body =
        "{\"apiVersion\":\"coordination.k8s.io/v1\",\"kind\":\"Lease\",\"metadata\":{\"name\":\"l\"},"
            + "\"spec\":{\"holderIdentity\":\"a\",\"renewTime\":\"2026-01-02T03:04:05.123456Z\","
            + "\"acquireTime\":\"2026-01-02T03:04:05.000000Z\"}}";
    Lease lease = Serialization.decode(Serialization.json().readTree(body), Lease.class).value();
    String out = new String(ObjectCodec.encode(lease), StandardCharsets.UTF_8);
    assertThat(out)
        .contains("\"renewTime\":\"2026-01-02T03:04:05.123456Z\"")
        .contains("\"acquireTime\":\"2026-01-02T03:04:05.000000Z\"");
  }
}
