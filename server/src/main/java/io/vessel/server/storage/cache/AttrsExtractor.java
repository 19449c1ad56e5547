package io.vessel.server.storage.cache;

/** Reads the selector-relevant attributes of an encoded object; supplied by the registry. */
@FunctionalInterface
public interface AttrsExtractor {
  ObjectAttrs extract(String resource, byte[] value);
}
