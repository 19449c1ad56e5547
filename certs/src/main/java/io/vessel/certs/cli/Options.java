package io.vessel.certs.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Command-line options of the form {@code --name value} or {@code --name=value}; a name may repeat.
 * Anything else, or a name not in the allowed set, is a {@link UsageException}.
 */
final class Options {

  /** The command line is wrong; the message says how. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }

  private final Map<String, List<String>> values;

  private Options(Map<String, List<String>> values) {
    this.values = values;
  }

  static Options parse(List<String> args, Set<String> allowed) {
    var values = new LinkedHashMap<String, List<String>>();
    for (int i = 0; i < args.size(); i++) {
      var arg = args.get(i);
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new UsageException("unexpected argument '" + arg + "'");
      }
      String name;
      String value;
      int equals = arg.indexOf('=');
      if (equals > 0) {
        name = arg.substring(2, equals);
        value = arg.substring(equals + 1);
      } else {
        name = arg.substring(2);
        if (i + 1 >= args.size()) {
          throw new UsageException("--" + name + " needs a value");
        }
        value = args.get(++i);
      }
      if (!allowed.contains(name)) {
        throw new UsageException("unknown option --" + name);
      }
      values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return new Options(values);
  }

  /** The single value of {@code --name}; required. */
  String required(String name) {
    return optional(name).orElseThrow(() -> new UsageException("--" + name + " is required"));
  }

  /** The single value of {@code --name}, if given; giving it twice is an error. */
  Optional<String> optional(String name) {
    var list = all(name);
    if (list.size() > 1) {
      throw new UsageException("--" + name + " may be given only once");
    }
    return list.stream().findFirst();
  }

  /** Every value of {@code --name}, in order. */
  List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }
}
