package io.vessel.server.registry.core.pod;

import io.vertx.core.MultiMap;
import io.vessel.server.api.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The query of {@code pods/{name}/exec}, {@code attach} and {@code portforward}, parsed as
 * kube-apiserver's PodExecOptions, PodAttachOptions and PodPortForwardOptions, and the query the
 * kubelet expects for the same request ({@code input}, {@code output}, {@code error}, {@code tty}
 * as {@code 1}, {@code command} repeated, {@code port} repeated).
 *
 * @param container the requested container, empty when the client named none
 */
public record PodStreamOptions(
    String container,
    boolean stdin,
    boolean stdout,
    boolean stderr,
    boolean tty,
    List<String> command,
    List<Integer> ports) {

  public static PodStreamOptions parse(String subresource, MultiMap query) {
    String container = query.get("container") == null ? "" : query.get("container");
    if (subresource.equals("portforward")) {
      var ports = new ArrayList<Integer>();
      for (String p : query.getAll("ports")) {
        for (String one : p.split(",")) {
          ports.add(port(one.strip()));
        }
      }
      return new PodStreamOptions("", false, false, false, false, List.of(), List.copyOf(ports));
    }
    var opts =
        new PodStreamOptions(
            container,
            bool(query, "stdin"),
            bool(query, "stdout"),
            bool(query, "stderr"),
            bool(query, "tty"),
            List.copyOf(query.getAll("command")),
            List.of());
    if (subresource.equals("exec") && opts.command.isEmpty()) {
      throw ApiException.badRequest("you must specify at least 1 command");
    }
    if (!opts.stdin && !opts.stdout && !opts.stderr) {
      throw ApiException.badRequest("you must specify at least one of stdin, stdout, stderr");
    }
    return opts;
  }

  /** The kubelet's query for this request, in its parameter names. */
  public List<Map.Entry<String, String>> agentQuery() {
    var q = new ArrayList<Map.Entry<String, String>>();
    if (stdin) {
      q.add(Map.entry("input", "1"));
    }
    if (stdout) {
      q.add(Map.entry("output", "1"));
    }
    if (stderr) {
      q.add(Map.entry("error", "1"));
    }
    if (tty) {
      q.add(Map.entry("tty", "1"));
    }
    command.forEach(c -> q.add(Map.entry("command", c)));
    ports.forEach(p -> q.add(Map.entry("port", Integer.toString(p))));
    return q;
  }

  /** Go's strconv.ParseBool, which the parameter codec uses; absent is false. */
  private static boolean bool(MultiMap query, String name) {
    String v = query.get(name);
    if (v == null) {
      return false;
    }
    return switch (v) {
      case "1", "t", "T", "true", "TRUE", "True" -> true;
      case "0", "f", "F", "false", "FALSE", "False", "" -> false;
      default ->
          throw ApiException.badRequest(
              "couldn't parse " + name + " " + v.toLowerCase(Locale.ROOT)
                  + ": strconv.ParseBool: parsing \"" + v + "\": invalid syntax");
    };
  }

  private static int port(String v) {
    try {
      int p = Integer.parseInt(v);
      if (p >= 1 && p <= 65535) {
        return p;
      }
    } catch (NumberFormatException e) {
      // fall through to the error
    }
    throw ApiException.badRequest("invalid port " + v + ": must be between 1 and 65535");
  }
}
