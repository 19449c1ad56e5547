package io.vessel.server.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vessel.server.api.ApiException;
import java.lang.reflect.Method;
import java.util.Objects;

/**
 * Generic access to the {@code spec} and {@code status} of model objects, which share no
 * interface in fabric8: used for status-subresource rules and generation bumps.
 */
public final class ModelFields {
  private ModelFields() {}

  /** Sets {@code to.status} to {@code from.status}; a no-op for kinds without status. */
  public static void copyStatus(HasMetadata from, HasMetadata to) {
    copy("Status", from, to);
  }

  /** Sets {@code to.spec} to {@code from.spec}; a no-op for kinds without spec. */
  public static void copySpec(HasMetadata from, HasMetadata to) {
    copy("Spec", from, to);
  }

  /**
   * Replaces {@code obj.status} with an empty status, as upstream strategies do on create for kinds
   * whose status only controllers write ({@code status: {}}); a no-op for kinds without status.
   */
  public static void clearStatus(HasMetadata obj) {
    try {
      Method getter = obj.getClass().getMethod("getStatus");
      Method setter = obj.getClass().getMethod("setStatus", getter.getReturnType());
      setter.invoke(obj, getter.getReturnType().getConstructor().newInstance());
    } catch (NoSuchMethodException e) {
      // The kind has no status.
    } catch (ReflectiveOperationException e) {
      throw ApiException.internal("cannot clear status: " + e.getMessage());
    }
  }

  /** Whether the JSON forms of the two objects' specs differ. */
  public static boolean specChanged(HasMetadata a, HasMetadata b) {
    JsonNode sa = ObjectCodec.tree(a).get("spec");
    JsonNode sb = ObjectCodec.tree(b).get("spec");
    return !Objects.equals(sa, sb);
  }

  private static void copy(String field, HasMetadata from, HasMetadata to) {
    try {
      Method getter = from.getClass().getMethod("get" + field);
      Method setter = to.getClass().getMethod("set" + field, getter.getReturnType());
      setter.invoke(to, getter.invoke(from));
    } catch (NoSuchMethodException e) {
      // The kind has no such field: nothing to carry over.
    } catch (ReflectiveOperationException e) {
      throw ApiException.internal("cannot copy " + field.toLowerCase() + ": " + e.getMessage());
    }
  }
}
