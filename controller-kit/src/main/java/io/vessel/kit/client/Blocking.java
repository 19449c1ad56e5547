package io.vessel.kit.client;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for a future from a worker thread, never an event loop, rethrowing its own failure. */
public final class Blocking {
  private static final Duration LIMIT = Duration.ofSeconds(60);

  private Blocking() {}

  public static <T> T await(Future<T> future) {
    try {
      return future.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("no answer from the API server within " + LIMIT, e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
