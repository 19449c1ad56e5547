package io.vessel.server.registry.storage.csidriver;

import io.fabric8.kubernetes.api.model.storage.CSIDriver;
import io.fabric8.kubernetes.api.model.storage.CSIDriverSpec;
import io.fabric8.kubernetes.api.model.storage.TokenRequest;
import io.vessel.server.registry.Ages;
import io.vessel.server.registry.TableCells;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * NAME, ATTACHREQUIRED, PODINFOONMOUNT, STORAGECAPACITY, TOKENREQUESTS, REQUIRESREPUBLISH, MODES,
 * AGE.
 */
public final class CsiDriverTable implements TableConvertor<CSIDriver> {
  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.nameColumn(),
          TableColumn.bool("AttachRequired", "Whether volumes need an attach operation."),
          TableColumn.bool("PodInfoOnMount", "Whether mounts receive pod information."),
          TableColumn.bool("StorageCapacity", "Whether the driver reports capacity."),
          TableColumn.text("TokenRequests", "Audiences of the tokens the driver receives."),
          TableColumn.bool("RequiresRepublish", "Whether volumes are republished periodically."),
          TableColumn.text("Modes", "The volume lifecycle modes the driver supports."),
          TableColumn.ageColumn());

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(CSIDriver d, Instant now) {
    CSIDriverSpec spec = d.getSpec() == null ? new CSIDriverSpec() : d.getSpec();
    String tokens = "<unset>";
    if (spec.getTokenRequests() != null && !spec.getTokenRequests().isEmpty()) {
      List<String> audiences = new ArrayList<>();
      for (TokenRequest t : spec.getTokenRequests()) {
        audiences.add(TableCells.orEmpty(t.getAudience()));
      }
      tokens = String.join(",", audiences);
    }
    List<String> modes = spec.getVolumeLifecycleModes();
    return List.of(
        d.getMetadata().getName(),
        spec.getAttachRequired() == null || spec.getAttachRequired(),
        Boolean.TRUE.equals(spec.getPodInfoOnMount()),
        Boolean.TRUE.equals(spec.getStorageCapacity()),
        tokens,
        Boolean.TRUE.equals(spec.getRequiresRepublish()),
        modes == null || modes.isEmpty() ? TableCells.NONE : String.join(",", modes),
        Ages.of(d, now));
  }
}
