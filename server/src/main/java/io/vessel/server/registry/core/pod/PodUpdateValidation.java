package io.vessel.server.registry.core.pod;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import io.vessel.server.api.FieldErrors;
import io.vessel.server.api.Serialization;
import java.util.List;

/**
 * A pod's spec is immutable but for a few fields: container and init container images,
 * activeDeadlineSeconds (set or lowered), tolerations (added), and a negative grace period raised
 * to 1. Anything else is refused with upstream's Forbidden message on {@code spec}.
 */
public final class PodUpdateValidation {
  static final String FORBIDDEN =
      "pod updates may not change fields other than `spec.containers[*].image`,"
          + "`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations`"
          + " (only additions to existing tolerations),`spec.terminationGracePeriodSeconds`"
          + " (allow it to be set to 1 if it was previously negative)";

  private PodUpdateValidation() {}

  public static void validate(PodSpec spec, PodSpec old, FieldErrors errors) {
    if (spec == null || old == null) {
      if (spec != old) {
        errors.forbidden("spec", FORBIDDEN);
      }
      return;
    }
    PodSpec allowed = copy(old);
    images(allowed.getContainers(), spec.getContainers(), "spec.containers", errors);
    images(allowed.getInitContainers(), spec.getInitContainers(), "spec.initContainers", errors);
    Long oldDeadline = old.getActiveDeadlineSeconds();
    Long newDeadline = spec.getActiveDeadlineSeconds();
    if (oldDeadline != null && newDeadline == null) {
      errors.invalid(
          "spec.activeDeadlineSeconds",
          null,
          "must not update from a positive integer to nil value");
    } else if (oldDeadline != null && newDeadline > oldDeadline) {
      errors.invalid(
          "spec.activeDeadlineSeconds",
          newDeadline,
          "must be less than or equal to previous value");
    }
    allowed.setActiveDeadlineSeconds(newDeadline);
    List<Toleration> oldTolerations = PodSpecDefaults.list(old.getTolerations());
    List<Toleration> newTolerations = PodSpecDefaults.list(spec.getTolerations());
    if (newTolerations.containsAll(oldTolerations)) {
      allowed.setTolerations(spec.getTolerations());
    }
    Long oldGrace = old.getTerminationGracePeriodSeconds();
    Long newGrace = spec.getTerminationGracePeriodSeconds();
    if (oldGrace != null && oldGrace < 0 && newGrace != null && newGrace == 1) {
      allowed.setTerminationGracePeriodSeconds(newGrace);
    }
    JsonNode want = Serialization.json().valueToTree(allowed);
    JsonNode got = Serialization.json().valueToTree(spec);
    if (!want.equals(got)) {
      errors.forbidden("spec", FORBIDDEN);
    }
  }

  /** Takes over the new images where the container lists line up; images stay required. */
  private static void images(
      List<Container> allowed, List<Container> requested, String path, FieldErrors errors) {
    if (allowed == null || requested == null || allowed.size() != requested.size()) {
      return;
    }
    for (int i = 0; i < allowed.size(); i++) {
      String image = requested.get(i).getImage();
      if (image == null || image.isBlank()) {
        errors.required(path + "[" + i + "].image", "");
      }
      allowed.get(i).setImage(image);
    }
  }

  private static PodSpec copy(PodSpec spec) {
    return Serialization.json().convertValue(spec, PodSpec.class);
  }
}
