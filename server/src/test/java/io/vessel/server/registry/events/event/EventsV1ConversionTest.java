package io.vessel.server.registry.events.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.vessel.server.registry.Fixtures;
import io.vessel.server.registry.ObjectCodec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EventsV1ConversionTest {
  private final EventsV1Conversion conversion = new EventsV1Conversion();

  @Test
  @DisplayName("to events.k8s.io, core event, renames the legacy fields and keeps the rest")
  void toServed() {
    Event core =
        Fixtures.yaml(
            """
            metadata: {name: e1, namespace: default}
            involvedObject: {kind: Pod, name: web, namespace: default}
            reason: Pulled
            message: pulled nginx
            source: {component: kubelet, host: node-1}
            count: 2
            firstTimestamp: "2026-01-01T10:00:00Z"
            lastTimestamp: "2026-01-01T11:00:00Z"
            type: Normal
            reportingComponent: kubelet
            reportingInstance: node-1
            """,
            Event.class);

    var served = conversion.toServed(core);

    assertThat(served.getApiVersion()).isEqualTo("events.k8s.io/v1");
    assertThat(served.getRegarding().getName()).isEqualTo("web");
    assertThat(served.getNote()).isEqualTo("pulled nginx");
    assertThat(served.getDeprecatedSource().getHost()).isEqualTo("node-1");
    assertThat(served.getDeprecatedCount()).isEqualTo(2);
    assertThat(served.getDeprecatedLastTimestamp()).isEqualTo("2026-01-01T11:00:00Z");
    assertThat(served.getReportingController()).isEqualTo("kubelet");
    assertThat(served.getReportingInstance()).isEqualTo("node-1");
    assertThat(ObjectCodec.tree(conversion.toStored(served))).isEqualTo(ObjectCodec.tree(core));
  }
}
