package io.vessel.server.registry;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vessel.server.storage.StoredObject;
import io.vessel.server.storage.cache.WatchDelivery;
import io.vessel.server.storage.cache.WatchSink;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a definition's {@link VersionConversion} where objects cross the store's boundary: served
 * objects become stored ones before the strategy sees them, stored bytes become served ones before
 * a client does. Without a conversion every method returns its argument.
 */
final class StorageVersion {
  private final ResourceDefinition def;

  @SuppressWarnings("rawtypes")
  private final VersionConversion conversion;

  StorageVersion(ResourceDefinition def) {
    this.def = def;
    this.conversion = def.conversion();
  }

  @SuppressWarnings("unchecked")
  HasMetadata toStored(HasMetadata served) {
    if (conversion == null || conversion.storedType().isInstance(served)) {
      return served;
    }
    return conversion.toStored(served);
  }

  @SuppressWarnings("unchecked")
  HasMetadata toServed(HasMetadata stored) {
    if (conversion == null || def.type().isInstance(stored)) {
      return stored;
    }
    return conversion.toServed(stored);
  }

  byte[] servedBytes(byte[] stored) {
    if (conversion == null) {
      return stored;
    }
    return ObjectCodec.encode(toServed(ObjectCodec.decode(stored, def.storedType())));
  }

  StoredObject served(StoredObject o) {
    return conversion == null ? o : new StoredObject(o.key(), o.rv(), servedBytes(o.value()));
  }

  ListResult served(ListResult l) {
    if (conversion == null) {
      return l;
    }
    List<byte[]> items = new ArrayList<>(l.items().size());
    for (byte[] item : l.items()) {
      items.add(servedBytes(item));
    }
    return new ListResult(l.rv(), items, l.continueToken(), l.remainingItemCount());
  }

  Deletion.Outcome served(Deletion.Outcome o) {
    return conversion == null ? o : new Deletion.Outcome(toServed(o.object()), o.deleted());
  }

  /** A sink that receives served objects, re-encoding each event for this version. */
  WatchSink served(WatchSink sink) {
    if (conversion == null) {
      return sink;
    }
    return new WatchSink() {
      @Override
      public void deliver(List<WatchDelivery> events) {
        List<WatchDelivery> converted = new ArrayList<>(events.size());
        for (WatchDelivery d : events) {
          converted.add(new WatchDelivery(d.type(), d.event(), servedBytes(d.object())));
        }
        sink.deliver(converted);
      }

      @Override
      public void bookmark(long rv, boolean initialEventsEnd) {
        sink.bookmark(rv, initialEventsEnd);
      }

      @Override
      public void expire(String message) {
        sink.expire(message);
      }
    };
  }
}
