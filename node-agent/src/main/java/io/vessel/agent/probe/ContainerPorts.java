package io.vessel.agent.probe;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;

/** A probe's or hook's port: a number, or the name of one of the container's ports. */
final class ContainerPorts {
  private ContainerPorts() {}

  /** @throws IllegalArgumentException for a name the container does not declare */
  static int resolve(IntOrString port, Container c) {
    if (port == null) {
      throw new IllegalArgumentException("no port given");
    }
    if (port.getIntVal() != null) {
      return port.getIntVal();
    }
    String name = port.getStrVal();
    if (c.getPorts() != null) {
      for (ContainerPort p : c.getPorts()) {
        if (name.equals(p.getName())) {
          return p.getContainerPort();
        }
      }
    }
    // the kubelet also takes a number written as a string
    try {
      return Integer.parseInt(name);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "couldn't find port: " + name + " in container " + c.getName());
    }
  }

  /** host:port with IPv6 literals bracketed, for URLs and messages. */
  static String hostPort(String host, int port) {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
