package io.vessel.server.registry;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vertx.core.Future;

/**
 * A check that runs after the strategy and before storage, with access to other objects (as
 * kube-apiserver's validating admission plugins do). A failed future rejects the request.
 */
public interface Admission {

  Future<Void> admitCreate(ResourceDefinition def, HasMetadata obj);

  Future<Void> admitDelete(ResourceDefinition def, HasMetadata obj);
}
