package io.vessel.server.api.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoDurationTest {
  @ParameterizedTest(name = "{0} ns prints as {1}")
  @CsvSource({
    "0, 0s",
    "999, 999ns",
    "1500, 1.5µs",
    "2000000, 2ms",
    "1500000000, 1.5s",
    "60000000000, 1m0s",
    "3661000000000, 1h1m1s",
    "-2000000000, -2s"
  })
  void formats(long nanos, String expected) {
    assertThat(GoDuration.format(nanos)).isEqualTo(expected);
  }
}
