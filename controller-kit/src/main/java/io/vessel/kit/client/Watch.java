package io.vessel.kit.client;

/** An open watch; closing it ends the stream without calling its close handler with an error. */
public interface Watch extends AutoCloseable {
  @Override
  void close();
}
