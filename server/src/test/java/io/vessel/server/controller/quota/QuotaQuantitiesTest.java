package io.vessel.server.controller.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QuotaQuantitiesTest {

  @Test
  @DisplayName("cpu in cores when whole, else millicores; bytes in the largest exact binary unit; counts as numbers")
  void formats() {
    assertThat(QuotaQuantities.format("requests.cpu", new BigDecimal("2.000"))).isEqualTo("2");
    assertThat(QuotaQuantities.format("cpu", new BigDecimal("1.5"))).isEqualTo("1500m");
    assertThat(QuotaQuantities.format("limits.cpu", new BigDecimal("0.25"))).isEqualTo("250m");
    assertThat(QuotaQuantities.format("requests.memory", BigDecimal.valueOf(512L << 20))).isEqualTo("512Mi");
    assertThat(QuotaQuantities.format("limits.memory", BigDecimal.valueOf(3L << 30))).isEqualTo("3Gi");
    assertThat(QuotaQuantities.format("requests.storage", BigDecimal.valueOf(1_000_000))).isEqualTo("1000000");
    assertThat(QuotaQuantities.format("memory", BigDecimal.ZERO)).isEqualTo("0");
    assertThat(QuotaQuantities.format("pods", BigDecimal.valueOf(7))).isEqualTo("7");
  }
}
