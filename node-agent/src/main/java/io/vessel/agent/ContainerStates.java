package io.vessel.agent;

import io.vessel.cri.CriClient;
import io.vessel.cri.CriException;
import io.vessel.cri.v1.ContainerFilter;
import io.vessel.cri.v1.ContainerState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Whether a container attempt may still write to its log: the end of a followed log. */
interface ContainerStates {

  /**
   * True while the attempt is created or running. May block; never throws.
   *
   * @param attempt the CRI metadata attempt, the number of its log file
   */
  boolean mayWrite(String podUid, String container, int attempt);

  /**
   * Asks the runtime. A runtime that does not answer counts as still running: the follower asks
   * again later rather than cutting a log short.
   */
  static ContainerStates of(CriClient cri) {
    Logger log = LoggerFactory.getLogger(ContainerStates.class);
    return (podUid, container, attempt) -> {
      var filter =
          ContainerFilter.newBuilder()
              .putLabelSelector(PodLabels.POD_UID, podUid)
              .putLabelSelector(PodLabels.CONTAINER_NAME, container)
              .build();
      try {
        return cri.listContainers(filter).stream()
            .filter(c -> c.getMetadata().getAttempt() == attempt)
            .anyMatch(
                c -> c.getState() == ContainerState.CONTAINER_RUNNING
                    || c.getState() == ContainerState.CONTAINER_CREATED);
      } catch (CriException e) {
        log.debug("pod {}: cannot list container {}: {}", podUid, container, e.toString());
        return true;
      }
    };
  }
}
