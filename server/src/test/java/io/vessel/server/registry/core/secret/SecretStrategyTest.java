package io.vessel.server.registry.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.api.StatusCause;
import io.vessel.server.registry.Fixtures;
import io.vessel.server.registry.ObjectCodec;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SecretStrategyTest {
  private final SecretStrategy strategy = new SecretStrategy();

  @Test
  @DisplayName("prepare for create, stringData and no type, folds data in and types Opaque")
  void defaults() {
    Secret s = Fixtures.yaml("metadata: {name: s}\nstringData: {user: admin}", Secret.class);

    strategy.prepareForCreate(s);

    assertThat(s.getType()).isEqualTo("Opaque");
    assertThat(s.getData()).isEqualTo(Map.of("user", "YWRtaW4="));
    assertThat(s.getStringData()).isNull();
  }

  @Test
  @DisplayName("validate, tls secret without its keys, requires tls.crt and tls.key")
  void tlsKeys() {
    Secret s =
        Fixtures.yaml("metadata: {name: s}\ntype: kubernetes.io/tls\ndata: {}", Secret.class);
    FieldErrors errors = new FieldErrors();

    strategy.validate(s, errors);

    assertThat(errors.causes())
        .extracting(StatusCause::field)
        .containsExactly("data[tls.crt]", "data[tls.key]");
  }

  @Test
  @DisplayName("validate update, type changed or immutable data changed, is refused")
  void immutability() {
    Secret old =
        Fixtures.yaml(
            "metadata: {name: s}\ntype: Opaque\nimmutable: true\ndata: {a: YQ==}", Secret.class);
    Secret s = ObjectCodec.copy(old);
    s.setType("example.com/other");
    s.setData(Map.of("a", "Yg=="));
    FieldErrors errors = new FieldErrors();

    strategy.validateUpdate(s, old, errors);

    assertThat(errors.causes())
        .containsExactly(
            new StatusCause(
                "FieldValueInvalid",
                "Invalid value: \"example.com/other\": field is immutable",
                "type"),
            new StatusCause(
                "FieldValueForbidden",
                "Forbidden: field is immutable when `immutable` is set",
                "data"));
  }
}
