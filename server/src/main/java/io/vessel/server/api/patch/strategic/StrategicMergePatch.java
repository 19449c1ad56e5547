package io.vessel.server.api.patch.strategic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.vessel.server.api.patch.PatchException;
import java.util.Objects;

/**
 * Strategic merge patch ({@code application/strategic-merge-patch+json}), the default patch of
 * {@code kubectl patch} and what {@code kubectl set image}, {@code rollout restart}, {@code
 * cordon}, {@code edit} and client-side {@code apply} send.
 *
 * <p>Semantics are kube-apiserver's ({@code StrategicMergeMapPatch} in apimachinery {@code
 * pkg/util/strategicpatch}, with the options the apiserver uses):
 *
 * <ul>
 *   <li>objects merge member by member; {@code null} deletes a member; other values replace;
 *   <li>lists whose field has the {@code merge} strategy ({@link PatchStrategies}) merge: scalars
 *       as a union, objects element by element on the field's merge key, new elements going before
 *       the existing ones; every other list is replaced whole;
 *   <li>fields with the {@code replace} strategy (a PodDisruptionBudget's selector) are replaced;
 *   <li>directives: {@code $patch: replace|delete} on an object, {@code $patch: replace|delete} on
 *       an element of a merged list (by merge key), {@code $retainKeys}, {@code
 *       $deleteFromPrimitiveList/<field>} and {@code $setElementOrder/<field>};
 *   <li>a value with nothing to merge with is taken as sent, without {@code null} members and
 *       without objects that carry {@code $patch}.
 * </ul>
 *
 * <p>A field the model class does not declare is taken from the patch as sent, since stored objects
 * never hold one; only {@code $setElementOrder/<field>} looks it up anyway and fails, as upstream
 * ({@link PatchSchema}). Values of opaque type (a ControllerRevision's {@code data}) merge as
 * free-form JSON: objects member by member, lists replaced. {@code $patch: merge} is refused on
 * objects and on list elements, as upstream.
 *
 * <p>List order follows upstream's exactly, including the effect of its in-place slice updates on
 * {@code $setElementOrder} ({@link SharedBacking}). The one known difference: a merged list of
 * scalars whose original repeats a value, patched while the apiserver's copy of the object has
 * spare slice capacity (it reads it fresh from etcd after a conflict rather than from its watch
 * cache), can come out in another order upstream.
 *
 * <p>Like upstream, directives other than {@code $patch} that reach the result unmerged ({@code
 * $retainKeys} inside a newly added object, for example) stay in it; decoding the result into the
 * model class must treat them as the unknown fields they are.
 *
 * <p>Failures carry kube-apiserver's HTTP status, reason and message: {@link PatchException} for
 * its 400 and 422 answers; {@link io.vessel.server.api.ApiException} for the errors it reports as
 * {@code 500} with no reason (a list element without its merge key: {@code map: map[image:nginx]
 * does not contain declared merge key: name}; an unknown {@code $patch}: {@code unknown patch type:
 * foo in map: map[$patch:foo]}). See {@link SmpErrors} for the full list and sources.
 *
 * <p>Stateless and thread-safe.
 */
public final class StrategicMergePatch {

  /** The media type of a strategic merge patch body. */
  public static final String MEDIA_TYPE = "application/strategic-merge-patch+json";

  private StrategicMergePatch() {}

  /**
   * Applies a strategic merge patch to the JSON form of an object of model class {@code type};
   * never mutates inputs.
   *
   * @param original the current object; null, missing or not an object counts as {@code {}}
   * @param patch the decoded request body; JSON {@code null} is an empty patch, as Go decodes it
   * @param type the fabric8 model class of the object, whose fields and {@link PatchStrategies}
   *     drive the merge
   * @return a new tree sharing no nodes with the inputs
   * @throws PatchException 400 when the body is not a JSON object or a directive is malformed, or
   *     when {@code type} is {@link GenericKubernetesResource} (custom resources have no strategy
   *     metadata); 422 for lists of lists
   * @throws io.vessel.server.api.ApiException 500 for the other patches upstream cannot apply
   */
  public static JsonNode apply(JsonNode original, JsonNode patch, Class<?> type) {
    Objects.requireNonNull(type, "type");
    if (patch == null || patch.isMissingNode()) {
      throw PatchException.badRequest("unexpected end of JSON input");
    }
    if (!patch.isNull() && !patch.isObject()) {
      throw SmpErrors.notAnObject(patch);
    }
    if (GenericKubernetesResource.class.isAssignableFrom(type)) {
      throw SmpErrors.unsupportedFormat();
    }
    var target =
        original != null && original.isObject()
            ? ((ObjectNode) original).deepCopy()
            : JsonNodeFactory.instance.objectNode();
    var patchCopy =
        patch.isNull() ? JsonNodeFactory.instance.objectNode() : ((ObjectNode) patch).deepCopy();
    return MapMerge.merge(target, patchCopy, PatchSchema.of(type));
  }
}
