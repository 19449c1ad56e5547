package io.vessel.conformance.harness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Text helpers shared by the assertions on command output. */
public final class Text {

  private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private Text() {}

  /** Splits on line breaks; a trailing line break does not produce an empty last line. */
  public static List<String> lines(String text) {
    var parts = new ArrayList<>(Arrays.asList(text.split("\\R", -1)));
    if (parts.get(parts.size() - 1).isEmpty()) {
      parts.remove(parts.size() - 1);
    }
    return List.copyOf(parts);
  }

  /**
   * Removes terminal colour codes. kubectl colours some output (cluster-info) even when it does not
   * write to a terminal; a user reading a terminal sees only the text.
   */
  public static String stripAnsi(String text) {
    return ANSI_ESCAPE.matcher(text).replaceAll("");
  }

  /** Trims and collapses every run of whitespace to one space, for column-aligned tables. */
  public static String squeeze(String line) {
    return WHITESPACE.matcher(line.strip()).replaceAll(" ");
  }
}
