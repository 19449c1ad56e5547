package io.vessel.server.api.patch.strategic;

import static io.vessel.server.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SharedBackingTest {

  private static final JsonNode A = json("'a'");
  private static final JsonNode B = json("'b'");
  private static final JsonNode C = json("'c'");
  private static final JsonNode X = json("'x'");
  private static final JsonNode Y = json("'y'");

  static Stream<Arguments> operations() {
    return Stream.of(
        arguments(named("nothing done", (Consumer<SharedBacking>) s -> {}), List.of(A, B, C)),
        arguments(
            named(
                "removing the first shifts the rest left",
                (Consumer<SharedBacking>) s -> s.remove(0)),
            List.of(B, C, C)),
        arguments(
            named("removing the last leaves the array", (Consumer<SharedBacking>) s -> s.remove(2)),
            List.of(A, B, C)),
        arguments(
            named(
                "an append fills the slot a removal freed",
                (Consumer<SharedBacking>)
                    s -> {
                      s.remove(1);
                      s.append(X);
                    }),
            List.of(A, C, X)),
        arguments(
            named(
                "appends past the original length are not seen",
                (Consumer<SharedBacking>)
                    s -> {
                      s.remove(0);
                      s.append(X);
                      s.append(Y);
                    }),
            List.of(B, C, X)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  @DisplayName("callerView, Go slice operations on [a b c], shows what the caller's slice holds")
  void tracksGoSliceWrites(Consumer<SharedBacking> operations, List<JsonNode> expected) {
    var backing = new SharedBacking(List.of(A, B, C));

    operations.accept(backing);

    assertThat(backing.callerView()).containsExactlyElementsOf(expected);
  }
}
