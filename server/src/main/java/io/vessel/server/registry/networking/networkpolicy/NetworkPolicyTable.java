package io.vessel.server.registry.networking.networkpolicy;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.vessel.server.registry.Ages;
import io.vessel.server.registry.TableCells;
import io.vessel.server.registry.TableColumn;
import io.vessel.server.registry.TableConvertor;
import java.time.Instant;
import java.util.List;

/** NAME, POD-SELECTOR, AGE. */
public final class NetworkPolicyTable implements TableConvertor<NetworkPolicy> {
  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.nameColumn(),
          TableColumn.text("Pod-Selector", "The pods the policy applies to."),
          TableColumn.ageColumn());

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(NetworkPolicy np, Instant now) {
    LabelSelector selector = np.getSpec() == null ? null : np.getSpec().getPodSelector();
    // An absent podSelector is the empty one (all pods), which prints as <none>.
    return List.of(
        np.getMetadata().getName(),
        TableCells.orNone(
            TableCells.selectorText(selector == null ? new LabelSelector() : selector)),
        Ages.of(np, now));
  }
}
