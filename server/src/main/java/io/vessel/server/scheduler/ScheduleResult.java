package io.vessel.server.scheduler;

/** The outcome of one scheduling cycle: the chosen node, or upstream's explanation of none. */
record ScheduleResult(String node, String message) {

  static ScheduleResult on(String node) {
    return new ScheduleResult(node, null);
  }

  static ScheduleResult unschedulable(String message) {
    return new ScheduleResult(null, message);
  }

  boolean fits() {
    return node != null;
  }
}
