package io.vessel.server.api.patch.strategic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;

/**
 * The original of a merged list of objects as upstream's caller still sees it after the merge.
 *
 * <p>Upstream deletes elements with {@code append(s[:i], s[i+1:]...)} and adds the patch's new
 * elements with {@code append}; both write into the array that the caller's slice of the original
 * shares. A deletion shifts the later elements one slot left, and each element added afterwards
 * lands in a slot the deletions freed, as long as one is left. {@link SetElementOrder} reads the
 * original again after merging, as the server's order, so its result depends on these writes: when
 * {@code kubectl apply} removes one container and adds another while a third exists only on the
 * server, the added one takes the removed one's slot and the server-only container stays before it.
 *
 * <p>Only the slots of the original's length are tracked: writes past them land where the caller
 * cannot see them, whatever the array's capacity. Merging an element in place needs no tracking
 * either, as the merged object keeps its merge key. Not thread-safe; one merge owns it.
 */
final class SharedBacking {

  private final JsonNode[] slots;
  private int length;

  SharedBacking(List<JsonNode> original) {
    slots = original.toArray(new JsonNode[0]);
    length = slots.length;
  }

  /** Go's {@code s = append(s[:i], s[i+1:]...)} on the slice currently over the array. */
  void remove(int i) {
    System.arraycopy(slots, i + 1, slots, i, length - i - 1);
    length--;
  }

  /** Go's {@code s = append(s, element)}, which writes into the array while a slot is free. */
  void append(JsonNode element) {
    if (length < slots.length) {
      slots[length] = element;
    }
    length++;
  }

  /** What the caller's slice of the original holds now. */
  List<JsonNode> callerView() {
    return Arrays.asList(slots.clone());
  }
}
