package io.vessel.agent.probe;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ExecAction;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.TCPSocketAction;
import io.vessel.cri.CriClient;
import java.time.Duration;
import java.util.List;

/**
 * Runs one action of a probe or lifecycle hook against a running container: exec through the
 * runtime, httpGet and tcpSocket from the node to the pod IP (or the action's host). Blocks for at
 * most about {@code timeout}; never throws. Thread-safe.
 */
public final class Prober {
  private final ExecProbe exec;
  private final HttpGetProbe httpGet = new HttpGetProbe();

  public Prober(CriClient cri) {
    this.exec = new ExecProbe(cri);
  }

  /** The container a probe or hook acts on. */
  public record Target(Container container, String containerId, String podIp) {}

  ProbeResult probe(Probe p, Target target, Duration timeout) {
    if (p.getGrpc() != null) {
      return ProbeResult.unknown("grpc probes are not supported yet");
    }
    return run(p.getExec(), p.getHttpGet(), p.getTcpSocket(), target, timeout);
  }

  /** A lifecycle hook's action; a hook with no action this agent knows is an error. */
  public ProbeResult hook(LifecycleHandler h, Target target, Duration timeout) {
    if (h.getSleep() != null) {
      long seconds = h.getSleep().getSeconds() == null ? 0 : h.getSleep().getSeconds();
      return sleep(Duration.ofSeconds(seconds).compareTo(timeout) < 0
          ? Duration.ofSeconds(seconds) : timeout);
    }
    return run(h.getExec(), h.getHttpGet(), h.getTcpSocket(), target, timeout);
  }

  private ProbeResult run(
      ExecAction execAction, HTTPGetAction http, TCPSocketAction tcp, Target target,
      Duration timeout) {
    try {
      if (execAction != null) {
        List<String> command = execAction.getCommand() == null ? List.of() : execAction.getCommand();
        return exec.run(target.containerId(), command, timeout);
      }
      if (http != null) {
        String host = blank(http.getHost()) ? target.podIp() : http.getHost();
        int port = ContainerPorts.resolve(http.getPort(), target.container());
        return httpGet.run(
            http.getScheme(), host, port, http.getPath(), http.getHttpHeaders(), timeout);
      }
      if (tcp != null) {
        String host = blank(tcp.getHost()) ? target.podIp() : tcp.getHost();
        return TcpSocketProbe.run(
            host, ContainerPorts.resolve(tcp.getPort(), target.container()), timeout);
      }
    } catch (IllegalArgumentException e) {
      return ProbeResult.unknown(e.getMessage());
    }
    return ProbeResult.unknown("no action to run");
  }

  private static ProbeResult sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
      return ProbeResult.success("");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ProbeResult.unknown("interrupted");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isEmpty();
  }
}
