package io.vessel.agent;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServerRequest;
import io.vessel.agent.ContainerLogLocator.ContainerLog;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /containerLogs/{namespace}/{pod}/{container}}: decodes the options, finds and opens
 * the log file off the event loop, then hands the response to a {@link ContainerLogStreamer}.
 */
final class ContainerLogsHandler {
  private record Opened(ContainerLog log, LogFileReader reader) {}

  private final Vertx vertx;
  private final WorkerExecutor worker;
  private final ContainerLogLocator locator;
  private final ContainerStates states;
  private final Clock clock;

  ContainerLogsHandler(
      Vertx vertx, WorkerExecutor worker, ContainerLogLocator locator, ContainerStates states,
      Clock clock) {
    this.vertx = vertx;
    this.worker = worker;
    this.locator = locator;
    this.states = states;
    this.clock = clock;
  }

  /**
   * Starts streaming the log. Fails, before anything is written to the response, with a {@link
   * KubeletException} for a request the kubelet would refuse, or any other exception when the file
   * cannot be opened.
   */
  Future<Void> handle(HttpServerRequest req, String namespace, String pod, String container) {
    LogOptions options;
    try {
      options = LogOptions.parse(query(req), clock.instant());
    } catch (KubeletException e) {
      return Future.failedFuture(e);
    }
    return worker
        .executeBlocking(
            () -> {
              var log = locator.locate(namespace, pod, container, options.previous());
              return new Opened(log, LogFileReader.open(log.file()));
            },
            false)
        .map(
            opened -> {
              new ContainerLogStreamer(
                      vertx, worker, req.response(), opened.log(), opened.reader(), options,
                      locator, states)
                  .start();
              return null;
            });
  }

  private static Map<String, List<String>> query(HttpServerRequest req) {
    var params = req.params();
    var query = new LinkedHashMap<String, List<String>>();
    for (String name : params.names()) {
      query.put(name, params.getAll(name));
    }
    return query;
  }
}
