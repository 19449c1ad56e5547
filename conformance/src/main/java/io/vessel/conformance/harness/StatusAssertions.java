package io.vessel.conformance.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks that an error answer is a Kubernetes {@code Status} as kube-apiserver sends it. */
public final class StatusAssertions {

  private StatusAssertions() {}

  /**
   * Asserts HTTP {@code code}, a JSON body of kind Status v1 with status Failure, the same code and
   * {@code reason}.
   *
   * @return the Status body, for checks on message and details
   */
  public static JsonNode assertStatus(RestResponse response, int code, String reason) {
    assertThat(response.status()).as(response.describe()).isEqualTo(code);
    assertThat(response.contentType()).as(response.describe()).startsWith("application/json");
    var status = response.json();
    assertThat(status.path("kind").asText()).as(response.describe()).isEqualTo("Status");
    assertThat(status.path("apiVersion").asText()).as(response.describe()).isEqualTo("v1");
    assertThat(status.path("status").asText()).as(response.describe()).isEqualTo("Failure");
    assertThat(status.path("code").asInt()).as(response.describe()).isEqualTo(code);
    assertThat(status.path("reason").asText()).as(response.describe()).isEqualTo(reason);
    return status;
  }
}
