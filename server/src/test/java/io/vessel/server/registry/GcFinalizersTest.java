package io.vessel.server.registry;

import static io.vessel.server.registry.GarbageCollectionPolicy.DELETE_DEPENDENTS;
import static io.vessel.server.registry.GarbageCollectionPolicy.ORPHAN_DEPENDENTS;
import static io.vessel.server.registry.GarbageCollectionPolicy.UNSUPPORTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.fabric8.kubernetes.api.model.DeleteOptions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The finalizers a delete leaves, case by case as upstream's store decides them. */
class GcFinalizersTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        arguments("no options, background kind", List.of(), null, null, DELETE_DEPENDENTS, List.of()),
        arguments("no options, orphaning kind (Job)", List.of(), null, null, ORPHAN_DEPENDENTS, List.of("orphan")),
        arguments("Orphan", List.of(), "Orphan", null, DELETE_DEPENDENTS, List.of("orphan")),
        arguments("Foreground", List.of(), "Foreground", null, DELETE_DEPENDENTS, List.of("foregroundDeletion")),
        arguments("Background on an orphaning kind", List.of(), "Background", null, ORPHAN_DEPENDENTS, List.of()),
        arguments("orphanDependents=true", List.of(), null, true, DELETE_DEPENDENTS, List.of("orphan")),
        arguments("orphanDependents=false", List.of(), null, false, ORPHAN_DEPENDENTS, List.of()),
        arguments("other finalizers kept first", List.of("example.com/x"), "Foreground", null, DELETE_DEPENDENTS, List.of("example.com/x", "foregroundDeletion")),
        arguments("Background drops an earlier orphan", List.of("orphan", "example.com/x"), "Background", null, DELETE_DEPENDENTS, List.of("example.com/x")),
        arguments("Foreground replaces orphan", List.of("orphan"), "Foreground", null, DELETE_DEPENDENTS, List.of("foregroundDeletion")),
        arguments("no options keep the object's own choice", List.of("foregroundDeletion"), null, null, ORPHAN_DEPENDENTS, List.of("foregroundDeletion")),
        arguments("unsupported kind (Event) never changes", List.of(), "Orphan", null, UNSUPPORTED, List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void finalizersAfterDelete(
      String name,
      List<String> current,
      String policy,
      Boolean orphanDependents,
      GarbageCollectionPolicy kindDefault,
      List<String> expected) {
    DeleteOptions opts = new DeleteOptions();
    opts.setPropagationPolicy(policy);
    opts.setOrphanDependents(orphanDependents);

    assertThat(GcFinalizers.onDelete(current, opts, kindDefault)).isEqualTo(expected);
  }
}
