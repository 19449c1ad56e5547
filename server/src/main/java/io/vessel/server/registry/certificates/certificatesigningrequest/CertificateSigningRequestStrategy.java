package io.vessel.server.registry.certificates.certificatesigningrequest;

import io.vessel.server.registry.Enums;

import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestCondition;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestSpec;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestStatus;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.api.Serialization;
import io.vessel.server.registry.BasicStrategy;
import io.vessel.server.registry.Strategy.NameRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * CertificateSigningRequest rules: status cleared on create, a request and a signer required, a
 * spec that never changes; {@code /approval} changes only the Approved and Denied conditions and
 * {@code /status} everything else of the status. Recording the requesting user in spec.username
 * needs the authenticated user, which the authentication issue brings.
 */
public final class CertificateSigningRequestStrategy
    extends BasicStrategy<CertificateSigningRequest> {
  private static final Set<String> APPROVAL = Set.of("Approved", "Denied");

  public CertificateSigningRequestStrategy() {
    super(NameRule.DNS1123_SUBDOMAIN, true, false);
  }

  @Override
  public void validate(CertificateSigningRequest csr, FieldErrors errors) {
    CertificateSigningRequestSpec spec =
        csr.getSpec() == null ? new CertificateSigningRequestSpec() : csr.getSpec();
    if (spec.getRequest() == null || spec.getRequest().isEmpty()) {
      errors.required("spec.request", "");
    }
    if (spec.getSignerName() == null || spec.getSignerName().isEmpty()) {
      errors.required("spec.signerName", "");
    }
    if (spec.getExpirationSeconds() != null && spec.getExpirationSeconds() < 600) {
      errors.invalid(
          "spec.expirationSeconds",
          spec.getExpirationSeconds(),
          "may not specify a duration less than 600 seconds (10 minutes)");
    }
  }

  @Override
  public void validateUpdate(
      CertificateSigningRequest csr, CertificateSigningRequest old, FieldErrors errors) {
    var now = Serialization.json().valueToTree(csr.getSpec());
    var before = Serialization.json().valueToTree(old.getSpec());
    if (!now.equals(before)) {
      errors.forbidden("spec", "updates to certificatesigningrequest spec are forbidden");
    }
  }

  @Override
  public CertificateSigningRequest subresourceUpdate(
      String subresource, CertificateSigningRequest requested, CertificateSigningRequest current) {
    CertificateSigningRequestStatus want =
        requested.getStatus() == null
            ? new CertificateSigningRequestStatus()
            : requested.getStatus();
    CertificateSigningRequestStatus have =
        current.getStatus() == null ? new CertificateSigningRequestStatus() : current.getStatus();
    boolean approval = subresource.equals("approval");
    List<CertificateSigningRequestCondition> conditions = new ArrayList<>();
    // Approval decisions come from /approval, everything else from /status.
    for (CertificateSigningRequestCondition c : list((approval ? have : want).getConditions())) {
      if (!Enums.contains(APPROVAL, c.getType())) {
        conditions.add(c);
      }
    }
    for (CertificateSigningRequestCondition c : list((approval ? want : have).getConditions())) {
      if (Enums.contains(APPROVAL, c.getType())) {
        conditions.add(c);
      }
    }
    CertificateSigningRequestStatus status = approval ? have : want;
    status.setConditions(conditions);
    current.setStatus(status);
    return current;
  }

  private static <E> List<E> list(List<E> l) {
    return l == null ? List.of() : l;
  }
}
