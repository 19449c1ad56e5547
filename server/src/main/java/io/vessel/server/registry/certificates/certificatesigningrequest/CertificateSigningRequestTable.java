package io.vessel.server.registry.certificates.certificatesigningrequest;

import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestCondition;
import io.vessel.server.api.HumanDuration;
import io.vessel.server.registry.Ages;
import io.vessel.server.registry.TableCells;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** NAME, AGE, SIGNERNAME, REQUESTOR, REQUESTEDDURATION, CONDITION. */
public final class CertificateSigningRequestTable
    implements TableConvertor<CertificateSigningRequest> {
  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.nameColumn(),
          TableColumn.ageColumn(),
          TableColumn.text("SignerName", "The signer asked to sign the request."),
          TableColumn.text("Requestor", "The user who created the request."),
          TableColumn.text("RequestedDuration", "The validity the requestor asked for."),
          TableColumn.text("Condition", "Whether the request is approved, denied or issued."));

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(CertificateSigningRequest csr, Instant now) {
    var spec = csr.getSpec();
    Integer seconds = spec == null ? null : spec.getExpirationSeconds();
    return List.of(
        csr.getMetadata().getName(),
        Ages.of(csr, now),
        spec == null ? TableCells.NONE : TableCells.orNone(spec.getSignerName()),
        spec == null ? "" : TableCells.orEmpty(spec.getUsername()),
        seconds == null ? TableCells.NONE : HumanDuration.format(Duration.ofSeconds(seconds)),
        condition(csr));
  }

  /** Denied over Approved over Pending, then ",Failed" and ",Issued" when they apply. */
  static String condition(CertificateSigningRequest csr) {
    boolean approved = false;
    boolean denied = false;
    boolean failed = false;
    var status = csr.getStatus();
    if (status != null && status.getConditions() != null) {
      for (CertificateSigningRequestCondition c : status.getConditions()) {
        switch (TableCells.orEmpty(c.getType())) {
          case "Approved" -> approved = true;
          case "Denied" -> denied = true;
          case "Failed" -> failed = true;
          default -> {}
        }
      }
    }
    String out = denied ? "Denied" : approved ? "Approved" : "Pending";
    if (failed) {
      out += ",Failed";
    }
    if (status != null && status.getCertificate() != null && !status.getCertificate().isEmpty()) {
      out += ",Issued";
    }
    return out;
  }
}
