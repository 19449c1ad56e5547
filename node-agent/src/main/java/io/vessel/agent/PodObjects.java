package io.vessel.agent;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.Optional;

/**
 * The ConfigMaps and Secrets a pod refers to, read when its containers are configured. Empty means
 * the object does not exist; any other failure to read is an {@link IllegalStateException}.
 *
 * <p>Called from pod workers, which may block.
 */
interface PodObjects {

  Optional<ConfigMap> configMap(String namespace, String name);

  Optional<Secret> secret(String namespace, String name);

  /** A source without objects, for nodes and tests whose pods refer to none. */
  PodObjects NONE =
      new PodObjects() {
        @Override
        public Optional<ConfigMap> configMap(String namespace, String name) {
          return Optional.empty();
        }

        @Override
        public Optional<Secret> secret(String namespace, String name) {
          return Optional.empty();
        }
      };
}
