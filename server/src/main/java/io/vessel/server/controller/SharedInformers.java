package io.vessel.server.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vessel.kit.client.ApiClient;
import io.vessel.kit.client.ListOptions;
import io.vessel.kit.client.ResourceType;
import io.vessel.kit.informer.Informer;
import java.util.LinkedHashMap;
import java.util.Map;

/** One informer per kind, shared by every loop of a process: one list and one watch per kind. */
public final class SharedInformers {
  private final Vertx vertx;
  private final ApiClient client;
  private record Key(ResourceType<?> type, ListOptions options) {}

  private final Map<Key, Informer<?>> informers = new LinkedHashMap<>();

  public SharedInformers(Vertx vertx, ApiClient client) {
    this.vertx = vertx;
    this.client = client;
  }

  public <T extends HasMetadata> Informer<T> of(ResourceType<T> type) {
    return of(type, ListOptions.ALL);
  }

  /** An informer on the objects {@code options} selects, across all namespaces. */
  @SuppressWarnings("unchecked")
  public synchronized <T extends HasMetadata> Informer<T> of(ResourceType<T> type, ListOptions options) {
    return (Informer<T>)
        informers.computeIfAbsent(
            new Key(type, options), k -> new Informer<>(vertx, client, type, "", options));
  }

  public synchronized Future<Void> start() {
    return Future.all(informers.values().stream().map(Informer::start).toList()).mapEmpty();
  }

  public synchronized void stop() {
    informers.values().forEach(Informer::stop);
  }
}
