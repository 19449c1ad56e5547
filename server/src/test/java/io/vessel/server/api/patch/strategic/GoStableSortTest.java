package io.vessel.server.api.patch.strategic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GoStableSortTest {

  private record Item(int key, int seq) {}

  @Test
  @DisplayName("sort, consistent order over many sizes, matches a stable sort")
  void matchesStableSortForConsistentOrders() {
    var random = new Random(42);
    for (int n = 0; n < 130; n++) {
      var items = new ArrayList<Item>();
      for (int i = 0; i < n; i++) {
        items.add(new Item(random.nextInt(10), i));
      }
      var expected = new ArrayList<>(items);
      expected.sort(Comparator.comparingInt(Item::key));

      var actual = new ArrayList<>(items);
      GoStableSort.sort(actual, (i, j) -> actual.get(i).key() < actual.get(j).key());

      assertThat(actual).as("n=%d", n).isEqualTo(expected);
    }
  }

  @Test
  @DisplayName("sort, less always true, replays Go's insertion sort into reverse order")
  void replaysGoForAlwaysTrue() {
    var data = new ArrayList<>(List.of(1, 2, 3, 4));

    GoStableSort.sort(data, (i, j) -> true);

    assertThat(data).containsExactly(4, 3, 2, 1);
  }
}
