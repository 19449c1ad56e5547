package io.vessel.kit.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vertx.core.Future;
import io.vessel.kit.informer.Informer;
import io.vessel.kit.informer.InformerHandler;
import io.vessel.kit.informer.ObjectKeys;
import io.vessel.kit.queue.RateLimiter;
import io.vessel.kit.queue.WorkQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One level-triggered loop: informer events become keys, N worker threads reconcile them one
 * key at a time. Workers start once every informer has synced, so a first reconcile never acts
 * on a half-filled cache.
 */
public final class Controller {
  private static final Logger LOG = LoggerFactory.getLogger(Controller.class);

  private final String name;
  private final int workers;
  private final Reconciler reconciler;
  private final WorkQueue<String> queue;
  private final List<Informer<?>> informers = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();

  public Controller(String name, int workers, Reconciler reconciler) {
    this.name = name;
    this.workers = workers;
    this.reconciler = reconciler;
    this.queue = new WorkQueue<>(name, RateLimiter.controllerDefault());
  }

  public String name() {
    return name;
  }

  public WorkQueue<String> queue() {
    return queue;
  }

  /** Every change of an object enqueues its own key. */
  public <T extends HasMetadata> Controller watches(Informer<T> informer) {
    return watches(informer, o -> List.of(ObjectKeys.of(o)));
  }

  /** Every change of an object enqueues the keys {@code keys} maps it to (e.g. its owner's). */
  public <T extends HasMetadata> Controller watches(
      Informer<T> informer, Function<T, List<String>> keys) {
    informers.add(informer);
    informer.addHandler(
        new InformerHandler<>() {
          @Override
          public void onAdd(T object) {
            keys.apply(object).forEach(queue::add);
          }

          @Override
          public void onUpdate(T old, T current) {
            keys.apply(old).forEach(queue::add);
            keys.apply(current).forEach(queue::add);
          }

          @Override
          public void onDelete(T object) {
            keys.apply(object).forEach(queue::add);
          }
        });
    return this;
  }

  public void enqueue(String key) {
    queue.add(key);
  }

  /** Starts the workers once the informers (started by their owner) have synced. */
  public Future<Void> start() {
    return Future.all(informers.stream().map(Informer::synced).toList())
        .onSuccess(
            v -> {
              for (int i = 0; i < workers; i++) {
                Thread t = new Thread(this::work, name + "-worker-" + i);
                t.setDaemon(true);
                threads.add(t);
                t.start();
              }
              LOG.info("controller {} started with {} workers", name, workers);
            })
        .mapEmpty();
  }

  public void stop() {
    queue.shutDown();
    threads.forEach(Thread::interrupt);
  }

  private void work() {
    while (true) {
      String key;
      try {
        key = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (key == null) {
        return;
      }
      try {
        Result r = reconciler.reconcile(key);
        queue.forget(key);
        if (r.requeueAfter() != null) {
          queue.addAfter(key, r.requeueAfter());
        }
      } catch (Exception e) {
        LOG.debug("{} {}: {}, requeued", name, key, e.toString());
        queue.addRateLimited(key);
      } finally {
        queue.done(key);
      }
    }
  }
}
