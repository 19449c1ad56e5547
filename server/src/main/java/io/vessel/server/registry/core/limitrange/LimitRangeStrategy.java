package io.vessel.server.registry.core.limitrange;

import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeItem;
import io.fabric8.kubernetes.api.model.Quantity;
import io.vessel.server.registry.BasicStrategy;
import io.vessel.server.registry.Strategy.NameRule;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * LimitRange rules: for Container items, the default limit falls back to max, the default request
 * to the default limit and then to min (core/v1 SetDefaults_LimitRangeItem).
 */
public final class LimitRangeStrategy extends BasicStrategy<LimitRange> {

  public LimitRangeStrategy() {
    super(NameRule.DNS1123_SUBDOMAIN, false, false);
  }

  @Override
  protected void applyDefaults(LimitRange lr) {
    if (lr.getSpec() == null || lr.getSpec().getLimits() == null) {
      return;
    }
    for (LimitRangeItem item : lr.getSpec().getLimits()) {
      if (!"Container".equals(item.getType())) {
        continue;
      }
      Map<String, Quantity> defaults = copy(item.getDefault());
      Map<String, Quantity> requests = copy(item.getDefaultRequest());
      copy(item.getMax()).forEach(defaults::putIfAbsent);
      defaults.forEach(requests::putIfAbsent);
      copy(item.getMin()).forEach(requests::putIfAbsent);
      item.setDefault(defaults);
      item.setDefaultRequest(requests);
    }
  }

  private static Map<String, Quantity> copy(Map<String, Quantity> m) {
    return m == null ? new LinkedHashMap<>() : new LinkedHashMap<>(m);
  }
}
