package io.vessel.conformance.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The ledger of a fault test's writes, and the check that none was lost: every write that got a
 * 2xx must be in the final state with its value, and nothing else may be there.
 *
 * <p>Each key is written with increasing integer values (0, 1, 2, ...). A write that got no answer,
 * or an answer other than 2xx, may or may not have committed (the server may have died between
 * commit and answer, or answered 5xx for a batch that committed), so a key may also hold a value
 * sent without an acknowledgement, as long as it is newer than the last acknowledged one.
 *
 * <p>Threading: safe for any number of writer threads; {@link #verify} runs once they stopped.
 */
public final class AckedWrites {

  /**
   * One acknowledged write.
   *
   * @param name the key (object name)
   * @param value the value written
   * @param resourceVersion the revision the server answered with
   * @param object the object the server answered with
   */
  public record Ack(String name, int value, long resourceVersion, JsonNode object) {}

  /**
   * What {@link #verify} checked.
   *
   * @param acknowledgedWrites writes that got a 2xx
   * @param keysChecked keys with an acknowledged write, each found with the right value
   * @param unansweredWrites writes without a 2xx, whose outcome was allowed either way
   */
  public record Verdict(long acknowledgedWrites, long keysChecked, long unansweredWrites) {}

  /** What one key saw: its last acknowledged value, and values sent without an answer since. */
  private static final class KeyHistory {
    volatile Integer acked;
    final Set<Integer> unanswered = ConcurrentHashMap.newKeySet();
  }

  private final Map<String, KeyHistory> keys = new ConcurrentHashMap<>();
  private final Queue<Ack> acks = new ConcurrentLinkedQueue<>();

  /** Records that {@code value} is about to be sent for {@code name}. */
  public void sending(String name, int value) {
    keys.computeIfAbsent(name, k -> new KeyHistory()).unanswered.add(value);
  }

  /** Records a 2xx answer for {@code value} of {@code name}, with the object the server returned. */
  public void acknowledged(String name, int value, JsonNode object) {
    var history = keys.computeIfAbsent(name, k -> new KeyHistory());
    history.unanswered.remove(value);
    history.acked = value;
    long rv = Long.parseLong(object.path("metadata").path("resourceVersion").asText("0"));
    acks.add(new Ack(name, value, rv, object));
  }

  /** How many writes got a 2xx so far. */
  public long acknowledgedCount() {
    return acks.size();
  }

  /** Every acknowledged write, in resourceVersion order. */
  public List<Ack> acks() {
    var sorted = new ArrayList<>(acks);
    sorted.sort(Comparator.comparingLong(Ack::resourceVersion));
    return sorted;
  }

  /**
   * Checks the final state against the ledger.
   *
   * @param stored the value of every key that exists now (all keys this ledger's writers use)
   * @throws AssertionError naming the first key that lost an acknowledged write, holds a value
   *     never sent, or should not exist
   */
  public Verdict verify(Map<String, Integer> stored) {
    long checked = 0;
    long unanswered = 0;
    for (var entry : keys.entrySet()) {
      var key = entry.getKey();
      var history = entry.getValue();
      unanswered += history.unanswered.size();
      Integer value = stored.get(key);
      if (history.acked == null) {
        assertThat(value == null || history.unanswered.contains(value))
            .as("%s was never acknowledged but holds %s (sent: %s)", key, value, history.unanswered)
            .isTrue();
        continue;
      }
      checked++;
      assertThat(value).as("acknowledged key %s (value %s) is missing", key, history.acked).isNotNull();
      assertThat(
              value.equals(history.acked)
                  || (value > history.acked && history.unanswered.contains(value)))
          .as(
              "%s: acknowledged %s, sent without answer %s, but holds %s",
              key, history.acked, history.unanswered, value)
          .isTrue();
    }
    assertThat(stored.keySet()).as("keys no writer wrote").allMatch(keys::containsKey);
    return new Verdict(acks.size(), checked, unanswered);
  }
}
