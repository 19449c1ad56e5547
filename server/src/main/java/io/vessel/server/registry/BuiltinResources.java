package io.vessel.server.registry;

import io.vessel.server.registry.admissionregistration.AdmissionRegistrationResources;
import io.vessel.server.registry.apiextensions.ApiExtensionsResources;
import io.vessel.server.registry.apps.AppsResources;
import io.vessel.server.registry.autoscaling.AutoscalingResources;
import io.vessel.server.registry.batch.BatchResources;
import io.vessel.server.registry.certificates.CertificatesResources;
import io.vessel.server.registry.coordination.CoordinationResources;
import io.vessel.server.registry.core.CoreResources;
import io.vessel.server.registry.discovery.DiscoveryResources;
import io.vessel.server.registry.events.EventsResources;
import io.vessel.server.registry.networking.NetworkingResources;
import io.vessel.server.registry.node.NodeResources;
import io.vessel.server.registry.policy.PolicyResources;
import io.vessel.server.registry.rbac.RbacResources;
import io.vessel.server.registry.scheduling.SchedulingResources;
import io.vessel.server.registry.storage.StorageResources;
import java.util.ArrayList;
import java.util.List;

/**
 * The resources Vessel serves, with the names, verbs and subresources discovery reports. Groups
 * come in kube-apiserver's discovery order, and within a group the preferred version first.
 */
public final class BuiltinResources {
  private BuiltinResources() {}

  public static ResourceCatalog catalog() {
    List<ResourceDefinition> all = new ArrayList<>();
    all.addAll(CoreResources.definitions());
    all.addAll(AppsResources.definitions());
    all.addAll(EventsResources.definitions());
    all.addAll(AutoscalingResources.definitions());
    all.addAll(BatchResources.definitions());
    all.addAll(CertificatesResources.definitions());
    all.addAll(NetworkingResources.definitions());
    all.addAll(PolicyResources.definitions());
    all.addAll(RbacResources.definitions());
    all.addAll(StorageResources.definitions());
    all.addAll(AdmissionRegistrationResources.definitions());
    all.addAll(ApiExtensionsResources.definitions());
    all.addAll(SchedulingResources.definitions());
    all.addAll(CoordinationResources.definitions());
    all.addAll(NodeResources.definitions());
    all.addAll(DiscoveryResources.definitions());
    return new ResourceCatalog(all);
  }
}
