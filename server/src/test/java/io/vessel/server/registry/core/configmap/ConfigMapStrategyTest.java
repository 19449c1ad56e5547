package io.vessel.server.registry.core.configmap;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.api.StatusCause;
import io.vessel.server.registry.Fixtures;
import io.vessel.server.registry.ObjectCodec;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConfigMapStrategyTest {
  private final ConfigMapStrategy strategy = new ConfigMapStrategy();

  @Test
  @DisplayName("validate, bad key and a key in both maps, reports each on data[key]")
  void keys() {
    ConfigMap cm =
        Fixtures.yaml(
            "metadata: {name: c}\ndata: {'a/b': x, dup: y}\nbinaryData: {dup: eQ==}",
            ConfigMap.class);
    FieldErrors errors = new FieldErrors();

    strategy.validate(cm, errors);

    assertThat(errors.causes())
        .extracting(StatusCause::field, StatusCause::message)
        .anySatisfy(t -> assertThat(t.toList().get(0)).isEqualTo("data[a/b]"))
        .anySatisfy(
            t ->
                assertThat(t.toList())
                    .containsExactly(
                        "data[dup]",
                        "Invalid value: \"dup\": duplicate of key present in binaryData"));
  }

  @Test
  @DisplayName("validate update, immutable map unfrozen and changed, forbids both")
  void immutable() {
    ConfigMap old =
        Fixtures.yaml("metadata: {name: c}\nimmutable: true\ndata: {a: '1'}", ConfigMap.class);
    ConfigMap cm = ObjectCodec.copy(old);
    cm.setImmutable(false);
    cm.setData(Map.of("a", "2"));
    FieldErrors errors = new FieldErrors();

    strategy.validateUpdate(cm, old, errors);

    assertThat(errors.causes()).extracting(StatusCause::field).containsExactly("immutable", "data");
  }
}
