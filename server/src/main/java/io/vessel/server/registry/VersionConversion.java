package io.vessel.server.registry;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Converts between the version a definition serves and the one its storage holds, for resources
 * served in several versions (or groups) over one storage resource, as kube-apiserver stores one
 * version and converts on the way in and out. Both directions keep metadata as is, must not lose
 * information the other version can carry, and must not mutate their argument.
 *
 * @param <S> the stored model class
 * @param <T> the served model class
 */
public interface VersionConversion<S extends HasMetadata, T extends HasMetadata> {

  Class<S> storedType();

  S toStored(T served);

  T toServed(S stored);
}
