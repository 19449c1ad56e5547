package io.vessel.kit.informer;

/** Receives an informer's changes; called on the informer's event loop, so it must be quick. */
public interface InformerHandler<T> {
  void onAdd(T object);

  void onUpdate(T old, T current);

  void onDelete(T object);
}
