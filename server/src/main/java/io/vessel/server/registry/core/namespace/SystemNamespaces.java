package io.vessel.server.registry.core.namespace;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.vertx.core.Future;
import io.vessel.server.api.ApiException;
import io.vessel.server.api.WriteOptions;
import io.vessel.server.registry.ResourceStore;
import java.util.List;

/** Creates the namespaces every cluster has, as kube-apiserver's system-namespaces controller. */
public final class SystemNamespaces {
  public static final List<String> NAMES =
      List.of("default", "kube-system", "kube-public", "kube-node-lease");

  private SystemNamespaces() {}

  public static Future<Void> ensure(ResourceStore namespaces) {
    Future<Void> chain = Future.succeededFuture();
    for (String name : NAMES) {
      chain =
          chain.compose(
              v ->
                  namespaces
                      .create(
                          "",
                          new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build(),
                          WriteOptions.DEFAULT)
                      .<Void>mapEmpty()
                      .recover(
                          t ->
                              t instanceof ApiException e && e.code() == 409
                                  ? Future.succeededFuture()
                                  : Future.failedFuture(t)));
    }
    return chain;
  }
}
