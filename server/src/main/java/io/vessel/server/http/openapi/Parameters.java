package io.vessel.server.http.openapi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Stream;

/**
 * The path and query parameters of the API's operations, in upstream's form ({@code in}, {@code
 * name}, {@code schema: {type, uniqueItems: true}}), each with a short description of our own.
 * Every list is a fresh copy, because the caller places the nodes into a document.
 *
 * <p>{@code fieldValidation} must be among the parameters of every PATCH operation itself (not of
 * its path): that is where kubectl's {@code QueryParamVerifierV3} looks before it lets the server
 * validate fields instead of failing for want of an OpenAPI v2 document.
 */
final class Parameters {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Parameters() {}

  static ObjectNode name(String kind) {
    return path("name", "name of the " + kind);
  }

  static ObjectNode namespace() {
    return path("namespace", "the namespace the object is in");
  }

  static ObjectNode path(String name, String description) {
    ObjectNode p = NODES.objectNode();
    p.put("description", description);
    p.put("in", "path");
    p.put("name", name);
    p.put("required", true);
    p.set("schema", schema("string"));
    return p;
  }

  static ObjectNode pretty() {
    return query("pretty", "string", "when 'true', the output is indented");
  }

  /** The options of list and watch requests. */
  static List<ObjectNode> list() {
    return List.of(
        query("allowWatchBookmarks", "boolean", "asks a watch for BOOKMARK events"),
        query("continue", "string", "the continue token of the previous page of a chunked list"),
        query("fieldSelector", "string", "selects objects by fields"),
        query("labelSelector", "string", "selects objects by labels"),
        query("limit", "integer", "the most objects to return; more are left to continue"),
        query("resourceVersion", "string", "the resource version to serve the list from"),
        query("resourceVersionMatch", "string", "how resourceVersion applies: Exact, NotOlderThan"),
        query("sendInitialEvents", "boolean", "starts a watch with the current objects"),
        query("timeoutSeconds", "integer", "ends the list or watch after this many seconds"),
        query("watch", "boolean", "streams changes instead of returning a list"));
  }

  /** The options of create and update requests. */
  static List<ObjectNode> write() {
    return List.of(dryRun(), fieldManager(), fieldValidation());
  }

  /** The options of patch requests. */
  static List<ObjectNode> patch() {
    return List.of(
        dryRun(),
        fieldManager(),
        fieldValidation(),
        query("force", "boolean", "takes fields over from other managers; apply patches only"));
  }

  /** The options of delete requests. */
  static List<ObjectNode> delete() {
    return List.of(
        dryRun(),
        gracePeriodSeconds(),
        query("orphanDependents", "boolean", "deprecated: use propagationPolicy=Orphan"),
        propagationPolicy());
  }

  /** The options of deletecollection requests: those of delete plus those of list. */
  static List<ObjectNode> deleteCollection() {
    return Stream.concat(
            delete().stream(),
            list().stream()
                .filter(
                    p -> {
                      String n = p.get("name").asText();
                      return !n.equals("watch") && !n.equals("allowWatchBookmarks");
                    }))
        .sorted((a, b) -> a.get("name").asText().compareTo(b.get("name").asText()))
        .toList();
  }

  /** The options of the {@code log} subresource. */
  static List<ObjectNode> podLog() {
    return List.of(
        query("container", "string", "the container to read the log of"),
        query("follow", "boolean", "streams the log as it grows"),
        query("insecureSkipTLSVerifyBackend", "boolean", "skips verifying the kubelet's cert"),
        query("limitBytes", "integer", "the most bytes to return"),
        query("previous", "boolean", "reads the log of the previous instance of the container"),
        query("sinceSeconds", "integer", "only lines newer than this many seconds"),
        query("stream", "string", "All, Stdout or Stderr"),
        query("tailLines", "integer", "only this many lines from the end"),
        query("timestamps", "boolean", "prefixes each line with its RFC 3339 time"));
  }

  /** The options of the {@code exec} and {@code attach} subresources. */
  static List<ObjectNode> streams(boolean exec) {
    List<ObjectNode> common =
        List.of(
            query("container", "string", "the container to connect to"),
            query("stderr", "boolean", "connects the container's standard error"),
            query("stdin", "boolean", "connects the container's standard input"),
            query("stdout", "boolean", "connects the container's standard output"),
            query("tty", "boolean", "allocates a terminal"));
    if (!exec) {
      return common;
    }
    return Stream.concat(
            Stream.of(query("command", "string", "the command to run, one argument per value")),
            common.stream())
        .toList();
  }

  static ObjectNode query(String name, String type, String description) {
    ObjectNode p = NODES.objectNode();
    p.put("description", description);
    p.put("in", "query");
    p.put("name", name);
    p.set("schema", schema(type));
    return p;
  }

  private static ObjectNode dryRun() {
    return query("dryRun", "string", "when 'All', the request is processed but not persisted");
  }

  private static ObjectNode fieldManager() {
    return query("fieldManager", "string", "the name of the actor making the change");
  }

  private static ObjectNode fieldValidation() {
    return query(
        "fieldValidation",
        "string",
        "what to do with unknown or duplicate fields in the body: Ignore, Warn or Strict");
  }

  private static ObjectNode gracePeriodSeconds() {
    return query("gracePeriodSeconds", "integer", "seconds before the object is deleted");
  }

  private static ObjectNode propagationPolicy() {
    return query(
        "propagationPolicy",
        "string",
        "how dependents are deleted: Orphan, Background, Foreground");
  }

  private static ObjectNode schema(String type) {
    ObjectNode s = NODES.objectNode();
    s.put("type", type);
    s.put("uniqueItems", true);
    return s;
  }
}
