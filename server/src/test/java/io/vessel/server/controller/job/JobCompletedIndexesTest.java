package io.vessel.server.controller.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobCompletedIndexesTest {

  @ParameterizedTest(name = "{0} is \"{1}\"")
  @DisplayName("format, succeeded indexes, ascending ranges")
  @CsvSource(
      delimiter = '|',
      value = {"''|''", "'0'|'0'", "'0 1 2 4'|'0-2,4'", "'1 2'|'1-2'", "'0 2 4 5 6 9'|'0,2,4-6,9'"})
  void format(String indexes, String expected) {
    BitSet set = new BitSet();
    if (!indexes.isBlank()) {
      for (String i : indexes.split(" ")) {
        set.set(Integer.parseInt(i));
      }
    }
    assertThat(CompletedIndexes.format(set)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "\"{0}\" of {1} is {2}")
  @DisplayName("parse, ranges with malformed or out-of-range parts, those parts skipped")
  @CsvSource(
      delimiter = '|',
      value = {
        "'0-2,4'|5|'0 1 2 4'",
        "'3-9'|5|'3 4'",
        "'x,1,2-a,3'|5|'1 3'",
        "'7'|5|''",
        "''|3|''",
        "'2-1'|5|''"
      })
  void parse(String text, int completions, String expected) {
    BitSet set = CompletedIndexes.parse(text, completions);
    String got =
        String.join(
            " ", IntStream.range(0, 64).filter(set::get).mapToObj(Integer::toString).toList());
    assertThat(got).isEqualTo(expected);
  }
}
