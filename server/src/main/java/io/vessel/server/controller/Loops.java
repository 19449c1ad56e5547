package io.vessel.server.controller;

import io.vertx.core.Future;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.controller.Controller;
import io.vessel.kit.events.EventRecorder;
import java.util.ArrayList;
import java.util.List;

/**
 * The loops one leader runs, built fresh each time leadership is won: their informers, then
 * their controllers once the caches are filled.
 */
public final class Loops {
  private final SharedInformers informers;
  private final ApiClient client;
  private final EventRecorder events;
  private final List<Controller> controllers = new ArrayList<>();

  public Loops(SharedInformers informers, ApiClient client, EventRecorder events) {
    this.informers = informers;
    this.client = client;
    this.events = events;
  }

  public SharedInformers informers() {
    return informers;
  }

  public ApiClient client() {
    return client;
  }

  public EventRecorder events() {
    return events;
  }

  public void add(Controller controller) {
    controllers.add(controller);
  }

  public Future<Void> start() {
    return informers
        .start()
        .compose(v -> Future.all(controllers.stream().map(Controller::start).toList()))
        .mapEmpty();
  }

  public void stop() {
    controllers.forEach(Controller::stop);
    informers.stop();
  }
}
