package io.vessel.server.registry;

import io.vessel.server.api.FieldErrors;
import io.vessel.server.registry.Strategy.NameRule;
import java.util.regex.Pattern;

/** The name grammars of apimachinery's validation package, with its exact messages. */
public final class NameValidation {
  private static final String LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final Pattern DNS1123_LABEL = Pattern.compile(LABEL_FMT);
  private static final String SUBDOMAIN_FMT = LABEL_FMT + "(\\." + LABEL_FMT + ")*";
  private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(SUBDOMAIN_FMT);
  private static final String DNS1035_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
  private static final Pattern DNS1035_LABEL = Pattern.compile(DNS1035_FMT);

  private NameValidation() {}

  /** Validates {@code metadata.name} (or the generateName prefix, which is checked leniently). */
  public static void validateName(NameRule rule, String name, String field, FieldErrors errors) {
    switch (rule) {
      case DNS1123_LABEL -> {
        if (name.length() > 63) {
          errors.invalid(field, name, "must be no more than 63 characters");
        }
        if (!DNS1123_LABEL.matcher(name).matches()) {
          errors.invalid(
              field,
              name,
              "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or"
                  + " '-', and must start and end with an alphanumeric character (e.g. 'my-name', "
                  + " or '123-abc', regex used for validation is '"
                  + LABEL_FMT
                  + "')");
        }
      }
      case DNS1035_LABEL -> {
        if (name.length() > 63) {
          errors.invalid(field, name, "must be no more than 63 characters");
        }
        if (!DNS1035_LABEL.matcher(name).matches()) {
          errors.invalid(
              field,
              name,
              "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start"
                  + " with an alphabetic character, and end with an alphanumeric character (e.g."
                  + " 'my-name',  or 'abc-123', regex used for validation is '"
                  + DNS1035_FMT
                  + "')");
        }
      }
      case PATH_SEGMENT -> {
        if (name.equals(".") || name.equals("..")) {
          errors.invalid(field, name, "may not be '" + name + "'");
        }
        for (String forbidden : new String[] {"/", "%"}) {
          if (name.contains(forbidden)) {
            errors.invalid(field, name, "may not contain '" + forbidden + "'");
          }
        }
      }
      case DNS1123_SUBDOMAIN -> {
        if (name.length() > 253) {
          errors.invalid(field, name, "must be no more than 253 characters");
        }
        if (!DNS1123_SUBDOMAIN.matcher(name).matches()) {
          errors.invalid(
              field,
              name,
              "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters,"
                  + " '-' or '.', and must start and end with an alphanumeric character (e.g."
                  + " 'example.com', regex used for validation is '"
                  + SUBDOMAIN_FMT
                  + "')");
        }
      }
    }
  }

  /** A namespace in a request path or body must be a DNS-1123 label. */
  public static boolean isValidNamespace(String namespace) {
    return namespace.length() <= 63 && DNS1123_LABEL.matcher(namespace).matches();
  }
}
