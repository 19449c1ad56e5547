package io.vessel.server.registry;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.List;

/** Turns objects of one resource into the rows kube-apiserver prints for it. */
public interface TableConvertor<T extends HasMetadata> {

  List<TableColumn> columns();

  /** One cell per column, in order: strings, numbers or booleans. */
  List<Object> cells(T obj, Instant now);
}
