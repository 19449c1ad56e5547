package io.vessel.kit.events;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.vessel.kit.client.ApiClient;
import static io.vessel.kit.client.Resources.EVENTS;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes core/v1 Events about objects, as kube-controller-manager's recorders do, so that
 * {@code kubectl describe} and {@code kubectl get events} show what a controller did. Best
 * effort: a failed event write is logged and dropped, never retried into the reconcile.
 */
public final class EventRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

  private final ApiClient client;
  private final String component;
  private final String instance;

  public EventRecorder(ApiClient client, String component, String instance) {
    this.client = client;
    this.component = component;
    this.instance = instance;
  }

  public void normal(HasMetadata about, String reason, String message) {
    record(about, "Normal", reason, message);
  }

  public void warning(HasMetadata about, String reason, String message) {
    record(about, "Warning", reason, message);
  }

  private void record(HasMetadata about, String type, String reason, String message) {
    ObjectMeta meta = about.getMetadata();
    String namespace =
        meta.getNamespace() == null || meta.getNamespace().isEmpty() ? "default" : meta.getNamespace();
    Instant now = Instant.now();
    String ts = DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS));
    Event e = new Event();
    ObjectMeta em = new ObjectMeta();
    em.setNamespace(namespace);
    // Upstream names events "<object>.<nanosecond timestamp in hex>".
    long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    em.setName(meta.getName() + "." + Long.toHexString(nanos));
    e.setMetadata(em);
    ObjectReference ref = new ObjectReference();
    ref.setApiVersion(about.getApiVersion());
    ref.setKind(about.getKind());
    ref.setNamespace(meta.getNamespace());
    ref.setName(meta.getName());
    ref.setUid(meta.getUid());
    ref.setResourceVersion(meta.getResourceVersion());
    e.setInvolvedObject(ref);
    e.setType(type);
    e.setReason(reason);
    e.setMessage(message);
    e.setSource(new EventSource(component, null));
    e.setReportingComponent(component);
    e.setReportingInstance(instance);
    e.setFirstTimestamp(ts);
    e.setLastTimestamp(ts);
    e.setCount(1);
    client
        .create(EVENTS, e)
        .onFailure(t -> LOG.debug("event {} for {} dropped: {}", reason, meta.getName(), t.getMessage()));
  }
}
