package io.vessel.server.registry.certificates;

import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest;
import io.vessel.server.registry.ResourceDefinition;
import io.vessel.server.registry.certificates.certificatesigningrequest.CertificateSigningRequestStrategy;
import io.vessel.server.registry.certificates.certificatesigningrequest.CertificateSigningRequestTable;
import java.util.List;

/** The certificates.k8s.io/v1 resources (signing them is the controllers' business). */
public final class CertificatesResources {
  private CertificatesResources() {}

  public static List<ResourceDefinition> definitions() {
    return List.of(
        ResourceDefinition.builder(
                "certificates.k8s.io",
                "v1",
                "certificatesigningrequests",
                "CertificateSigningRequest")
            .clusterScoped()
            .shortNames("csr")
            .subresource("approval", "CertificateSigningRequest", "get", "patch", "update")
            .status()
            .model(
                CertificateSigningRequest.class,
                new CertificateSigningRequestStrategy(),
                new CertificateSigningRequestTable())
            .field("spec.signerName", "/spec/signerName")
            .build());
  }
}
