package io.vessel.server.api.selector;

import io.vessel.server.api.selector.LabelSelector.Operator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Label key and value rules with the exact texts kube-apiserver reports when they are broken.
 *
 * <p>Sources (Kubernetes 1.33, apimachinery v0.33.0): {@code pkg/util/validation/validation.go}
 * ({@code IsQualifiedName}, {@code IsValidLabelValue}, {@code IsDNS1123Subdomain}, {@code
 * RegexError}, {@code MaxLenError}, {@code EmptyError}); {@code pkg/labels/selector.go} ({@code
 * NewRequirement}, {@code validateLabelKey}, {@code validateLabelValue}); and {@code
 * pkg/util/validation/field} for the {@code <path>: Invalid value: <value>: <detail>} shape and the
 * aggregate {@code [a, b]} form. Lengths are counted in UTF-8 bytes, as Go does.
 */
final class LabelSyntax {

  private static final String NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  private static final String NAME_MSG =
      "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an"
          + " alphanumeric character";
  private static final String VALUE_FMT = "(" + NAME_FMT + ")?";
  private static final String VALUE_MSG =
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or"
          + " '.', and must start and end with an alphanumeric character";
  private static final String DNS_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String DNS_SUBDOMAIN_FMT = DNS_LABEL_FMT + "(\\." + DNS_LABEL_FMT + ")*";
  private static final String DNS_SUBDOMAIN_MSG =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
          + " '.', and must start and end with an alphanumeric character";
  private static final int NAME_MAX = 63;
  private static final int VALUE_MAX = 63;
  private static final int SUBDOMAIN_MAX = 253;

  private static final Pattern NAME = Pattern.compile(NAME_FMT);
  private static final Pattern VALUE = Pattern.compile(VALUE_FMT);
  private static final Pattern DNS_SUBDOMAIN = Pattern.compile(DNS_SUBDOMAIN_FMT);
  private static final Pattern INT64 = Pattern.compile("[+-]?[0-9]+");

  private LabelSyntax() {}

  /**
   * The field error for a bad key as the parser reports it: upstream validates keys against a nil
   * {@code field.Path}, which prints as {@code <nil>}. Returns null for a valid key.
   */
  static String keyError(String key) {
    var errs = keyErrors(key);
    return errs.isEmpty() ? null : invalid("<nil>", GoFormat.quote(key), String.join("; ", errs));
  }

  /**
   * Checks a requirement as {@code labels.NewRequirement} does and throws the aggregated message
   * when it breaks a rule.
   */
  static void checkRequirement(String key, Operator op, List<String> values) {
    var errs = new ArrayList<String>();
    var keyErrs = keyErrors(key);
    if (!keyErrs.isEmpty()) {
      errs.add(invalid("key", GoFormat.quote(key), String.join("; ", keyErrs)));
    }
    var slice = GoFormat.stringSlice(values);
    switch (op) {
      case IN, NOT_IN -> {
        if (values.isEmpty()) {
          errs.add(
              invalid("values", slice, "for 'in', 'notin' operators, values set can't be empty"));
        }
      }
      case EQUALS, DOUBLE_EQUALS, NOT_EQUALS -> {
        if (values.size() != 1) {
          errs.add(invalid("values", slice, "exact-match compatibility requires one single value"));
        }
      }
      case EXISTS, DOES_NOT_EXIST -> {
        if (!values.isEmpty()) {
          errs.add(
              invalid("values", slice, "values set must be empty for exists and does not exist"));
        }
      }
      case GREATER_THAN, LESS_THAN -> {
        if (values.size() != 1) {
          errs.add(
              invalid("values", slice, "for 'Gt', 'Lt' operators, exactly one value is required"));
        }
        for (int i = 0; i < values.size(); i++) {
          if (parseInt64(values.get(i)) == null) {
            errs.add(
                invalid(
                    "values[" + i + "]",
                    GoFormat.quote(values.get(i)),
                    "for 'Gt', 'Lt' operators, the value must be an integer"));
          }
        }
      }
      default -> throw new IllegalStateException("unhandled operator " + op);
    }
    for (int i = 0; i < values.size(); i++) {
      var valueErrs = valueErrors(values.get(i));
      if (!valueErrs.isEmpty()) {
        errs.add(
            invalid(
                "values[" + i + "][" + key + "]",
                GoFormat.quote(values.get(i)),
                String.join("; ", valueErrs)));
      }
    }
    if (!errs.isEmpty()) {
      throw new SelectorException(aggregate(errs));
    }
  }

  /** Go's {@code strconv.ParseInt(s, 10, 64)}: ASCII digits with an optional sign, or null. */
  static Long parseInt64(String s) {
    if (!INT64.matcher(s).matches()) {
      return null;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static List<String> keyErrors(String key) {
    var errs = new ArrayList<String>();
    var parts = key.split("/", -1);
    String name;
    if (parts.length == 1) {
      name = parts[0];
    } else if (parts.length == 2) {
      var prefix = parts[0];
      name = parts[1];
      if (prefix.isEmpty()) {
        errs.add("prefix part must be non-empty");
      } else {
        for (var msg : subdomainErrors(prefix)) {
          errs.add("prefix part " + msg);
        }
      }
    } else {
      errs.add(
          "a qualified name "
              + regexError(NAME_MSG, NAME_FMT, "MyName", "my.name", "123-abc")
              + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
      return errs;
    }
    if (name.isEmpty()) {
      errs.add("name part must be non-empty");
    } else if (utf8Length(name) > NAME_MAX) {
      errs.add("name part " + maxLenError(NAME_MAX));
    }
    if (!NAME.matcher(name).matches()) {
      errs.add("name part " + regexError(NAME_MSG, NAME_FMT, "MyName", "my.name", "123-abc"));
    }
    return errs;
  }

  private static List<String> subdomainErrors(String value) {
    var errs = new ArrayList<String>();
    if (utf8Length(value) > SUBDOMAIN_MAX) {
      errs.add(maxLenError(SUBDOMAIN_MAX));
    }
    if (!DNS_SUBDOMAIN.matcher(value).matches()) {
      errs.add(regexError(DNS_SUBDOMAIN_MSG, DNS_SUBDOMAIN_FMT, "example.com"));
    }
    return errs;
  }

  private static List<String> valueErrors(String value) {
    var errs = new ArrayList<String>();
    if (utf8Length(value) > VALUE_MAX) {
      errs.add(maxLenError(VALUE_MAX));
    }
    if (!VALUE.matcher(value).matches()) {
      errs.add(regexError(VALUE_MSG, VALUE_FMT, "MyValue", "my_value", "12345"));
    }
    return errs;
  }

  private static String invalid(String path, String renderedValue, String detail) {
    return path + ": Invalid value: " + renderedValue + ": " + detail;
  }

  // The odd ",  or " spacing is upstream's; clients and tests compare these texts verbatim.
  private static String regexError(String msg, String fmt, String... examples) {
    var out = new StringBuilder(msg).append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      if (i > 0) {
        out.append(" or ");
      }
      out.append('\'').append(examples[i]).append("', ");
    }
    return out.append("regex used for validation is '").append(fmt).append("')").toString();
  }

  private static String maxLenError(int length) {
    return "must be no more than " + length + " characters";
  }

  private static String aggregate(List<String> errs) {
    var distinct = new ArrayList<>(new LinkedHashSet<>(errs));
    return distinct.size() == 1 ? distinct.get(0) : "[" + String.join(", ", distinct) + "]";
  }

  private static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
