package io.vessel.server.api.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The bound on Update entries. */
class UpdateManagerCapTest {

  private static ManagedEntry update(int i) {
    return new ManagedEntry(
        "m" + i,
        ManagedEntry.UPDATE,
        "v1",
        String.format("2026-01-01T00:00:%02dZ", i),
        "",
        FieldSet.empty().insert(List.of("f:data", "f:k" + i)));
  }

  @Test
  @DisplayName("cap, twelve Update entries, the three oldest merged into ancient-changes")
  void capsOldest() {
    // Given
    List<ManagedEntry> entries = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      entries.add(update(i));
    }
    entries.add(
        new ManagedEntry(
            "applier", ManagedEntry.APPLY, "v1", null, "",
            FieldSet.empty().insert(List.of("f:x"))));

    // When
    var capped = UpdateManagerCap.cap(entries);

    // Then
    assertThat(capped).hasSize(11);
    var bucket =
        capped.stream()
            .filter(e -> e.manager().equals("ancient-changes"))
            .findFirst()
            .orElseThrow();
    assertThat(bucket.fields().members())
        .containsExactly(List.of("f:data", "f:k0"), List.of("f:data", "f:k1"),
            List.of("f:data", "f:k2"));
    assertThat(bucket.time()).isEqualTo("2026-01-01T00:00:02Z");
    assertThat(capped).extracting(ManagedEntry::manager).doesNotContain("m0", "m1", "m2");
  }

  @Test
  @DisplayName("cap, ten Update entries, unchanged")
  void underCap() {
    List<ManagedEntry> entries = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      entries.add(update(i));
    }

    assertThat(UpdateManagerCap.cap(entries)).isEqualTo(entries);
  }
}
