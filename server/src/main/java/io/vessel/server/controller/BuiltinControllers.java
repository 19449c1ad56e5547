package io.vessel.server.controller;

import io.vessel.server.controller.gc.GarbageCollector;
import io.vessel.server.controller.serviceaccount.NamespaceDefaultsController;
import io.vessel.server.scheduler.Scheduler;

/** Which loops the controller manager and the scheduler run. */
final class BuiltinControllers {
  private final String caPem;

  BuiltinControllers(String caPem) {
    this.caPem = caPem;
  }

  void add(Loops loops) {
    NamespaceDefaultsController.register(loops, caPem);
    GarbageCollector.register(loops);
  }

  void addScheduler(Loops loops) {
    Scheduler.register(loops);
  }
}
