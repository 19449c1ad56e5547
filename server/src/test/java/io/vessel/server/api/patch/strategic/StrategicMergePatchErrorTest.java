package io.vessel.server.api.patch.strategic;

import static io.vessel.server.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.vessel.server.api.ApiException;
import io.vessel.server.api.patch.PatchException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Patches kube-apiserver refuses, with the status it answers. */
class StrategicMergePatchErrorTest {

  private static final String WEB =
      "{'metadata':{'name':'web','finalizers':['a']},'spec':{'replicas':1,"
          + "'strategy':{'type':'RollingUpdate'},'template':{'metadata':{'labels':{'a':'1'}},"
          + "'spec':{'containers':[{'name':'nginx','image':'nginx',"
          + "'ports':[{'containerPort':80}]}],'tolerations':[{'key':'k','operator':'Exists'}]}}}}";

  private static String containers(String list) {
    return "{'spec':{'template':{'spec':{'containers':" + list + "}}}}";
  }

  static Stream<Arguments> refusedDeploymentPatches() {
    return Stream.of(
        arguments(
            named("list element without its merge key", containers("[{'image':'nginx:2'}]")),
            500,
            "",
            "map: map[image:nginx:2] does not contain declared merge key: name"),
        arguments(
            named(
                "nested list element without its merge key",
                containers("[{'name':'nginx','ports':[{'name':'x','protocol':'TCP'}]}]")),
            500,
            "",
            "map: map[name:x protocol:TCP] does not contain declared merge key: containerPort"),
        arguments(
            named("numbers print as Go does", containers("[{'cpu':1.5,'big':1000000.0,'n':7}]")),
            500,
            "",
            "map: map[big:1e+06 cpu:1.5 n:7] does not contain declared merge key: name"),
        arguments(
            named("unknown $patch on an object", "{'spec':{'$patch':'foo'}}"),
            500,
            "",
            "unknown patch type: foo in map: map[$patch:foo]"),
        arguments(
            named("$patch merge on an object", "{'spec':{'$patch':'merge','replicas':2}}"),
            500,
            "",
            "unknown patch type: merge in map: map[$patch:merge replicas:2]"),
        arguments(
            named("non-string $patch on an object", "{'spec':{'$patch':1}}"),
            500,
            "",
            "unknown patch type: %!s(int64=1) in map: map[$patch:1]"),
        arguments(
            named(
                "$patch merge on a list element",
                containers("[{'name':'nginx','$patch':'merge'}]")),
            500,
            "",
            "merging lists cannot yet be specified in the patch"),
        arguments(
            named(
                "unknown $patch on a list element",
                containers("[{'name':'nginx','$patch':'bogus'}]")),
            500,
            "",
            "unknown patch type: bogus in map: map[$patch:bogus name:nginx]"),
        arguments(
            named("deletion marker without merge key", containers("[{'$patch':'delete'}]")),
            500,
            "",
            "map: map[$patch:delete] does not contain declared merge key: name"),
        arguments(
            named("$retainKeys not a list", "{'spec':{'strategy':{'$retainKeys':'type'}}}"),
            400,
            "BadRequest",
            "invalid patch format of retainKeys"),
        arguments(
            named(
                "$retainKeys missing a patched member",
                "{'spec':{'strategy':{'$retainKeys':['type'],'rollingUpdate':{}}}}"),
            400,
            "BadRequest",
            "invalid patch format of retainKeys"),
        arguments(
            named(
                "$deleteFromPrimitiveList without a field",
                "{'metadata':{'$deleteFromPrimitiveList':['a']}}"),
            400,
            "BadRequest",
            "invalid patch format of primitive list"),
        arguments(
            named(
                "$deleteFromPrimitiveList with a wrong prefix",
                "{'metadata':{'$deleteFromPrimitiveListX/finalizers':['a']}}"),
            400,
            "BadRequest",
            "invalid patch format of primitive list"),
        arguments(
            named("$setElementOrder without a field", "{'metadata':{'$setElementOrder':[]}}"),
            400,
            "BadRequest",
            "invalid patch format of setElementOrder list"),
        arguments(
            named(
                "$setElementOrder not a list", "{'metadata':{'$setElementOrder/finalizers':'a'}}"),
            500,
            "",
            "expected a []interface {}, but received a string"),
        arguments(
            named(
                "$setElementOrder on a field that is not a list",
                "{'spec':{'$setElementOrder/replicas':[]}}"),
            500,
            "",
            "expected a []interface {}, but received a int64"),
        arguments(
            named(
                "$setElementOrder contradicting the patch list",
                "{'spec':{'template':{'spec':{'$setElementOrder/containers':[{'name':'b'}],"
                    + "'containers':[{'name':'a'},{'name':'b'}]}}}}"),
            500,
            "",
            "The order in patch list:\n[map[name:a] map[name:b]]\n"
                + " doesn't match $setElementOrder list:\n[map[name:b]]\n"),
        arguments(
            named(
                "$setElementOrder on a field the model does not have",
                "{'spec':{'$setElementOrder/extra':[]}}"),
            500,
            "",
            "unable to find api field in struct DeploymentSpec for the json field \"extra\""),
        arguments(
            named(
                "$setElementOrder inside a map",
                "{'spec':{'template':{'metadata':{'labels':{'$setElementOrder/zz':[]}}}}}"),
            500,
            "",
            "merging an object in json but data type is not struct, instead is: map"),
        arguments(
            named(
                "$setElementOrder on an atomic list of objects",
                "{'spec':{'template':{'spec':{'$setElementOrder/tolerations':[]}}}}"),
            500,
            "InternalError",
            "an error on the server (\"This request caused apiserver to panic. Look in the logs"
                + " for details.\") has prevented the request from succeeding"),
        arguments(
            named("mixed scalar types in a merged list", "{'metadata':{'finalizers':[1]}}"),
            500,
            "",
            "list element types are not identical: [[a] [1]]"),
        arguments(
            named("objects in a merged list of scalars", "{'metadata':{'finalizers':[{'x':1}]}}"),
            500,
            "",
            "list element types are not identical: [[a] [map[x:1]]]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedDeploymentPatches")
  @DisplayName("apply, patch upstream cannot apply, fails with its code, reason and message")
  void refusesLikeUpstream(String patch, int code, String reason, String message) {
    var failure =
        catchThrowable(() -> StrategicMergePatch.apply(json(WEB), json(patch), Deployment.class));

    assertThat(status(failure)).containsExactly(code, reason, message);
  }

  static Stream<Arguments> refusedBodies() {
    return Stream.of(
        arguments(named("array body", "[]"), "array"),
        arguments(named("string body", "'x'"), "string"),
        arguments(named("number body", "1"), "number"),
        arguments(named("bool body", "true"), "bool"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedBodies")
  @DisplayName("apply, body not a JSON object, fails with 400 and Go's decoding error")
  void refusesNonObjectBodies(String body, String kind) {
    var failure =
        catchThrowable(() -> StrategicMergePatch.apply(json(WEB), json(body), Deployment.class));

    assertThat(status(failure))
        .containsExactly(
            400,
            "BadRequest",
            "json: cannot unmarshal " + kind + " into Go value of type map[string]interface {}");
  }

  @Test
  @DisplayName("apply, custom resource model, fails with 400 format not supported")
  void refusesCustomResources() {
    var failure =
        catchThrowable(
            () ->
                StrategicMergePatch.apply(
                    json("{}"), json("{'spec':{}}"), GenericKubernetesResource.class));

    assertThat(status(failure))
        .containsExactly(400, "BadRequest", "strategic merge patch format is not supported");
  }

  @Test
  @DisplayName("apply, list of lists, fails with 422 and the generic Invalid message")
  void refusesListsOfLists() {
    var original = json("{'metadata':{'name':'ns','finalizers':[]}}");
    var patch = json("{'metadata':{'finalizers':[['a']]}}");

    var failure = catchThrowable(() -> StrategicMergePatch.apply(original, patch, Namespace.class));

    assertThat(status(failure)).containsExactly(422, "Invalid", PatchException.INVALID_MESSAGE);
    assertThat(((PatchException) failure).detail()).isEqualTo("lists of lists are not supported");
  }

  @Test
  @DisplayName("apply, daemonset volume without name (kubernetes#140396), fails like upstream")
  void refusesVolumeWithoutName() {
    var original =
        json("{'spec':{'template':{'spec':{'volumes':[{'name':'pods','emptyDir':{}}]}}}}");
    var patch =
        json(
            "{'spec':{'template':{'spec':{'volumes':"
                + "[{'hostPath':{'path':'/var/lib/kubelet/pods'}}]}}}}");

    var failure = catchThrowable(() -> StrategicMergePatch.apply(original, patch, DaemonSet.class));

    assertThat(status(failure))
        .containsExactly(
            500,
            "",
            "map: map[hostPath:map[path:/var/lib/kubelet/pods]] does not contain declared merge"
                + " key: name");
  }

  @Test
  @DisplayName("apply, merge list of objects without declared key, fails with 500")
  void refusesMergeWithoutKey() {
    var original = json("{'spec':{'podCIDRs':[{'a':1}]}}");
    var patch = json("{'spec':{'podCIDRs':[{'a':2}]}}");

    var failure = catchThrowable(() -> StrategicMergePatch.apply(original, patch, Node.class));

    assertThat(status(failure))
        .containsExactly(500, "", "cannot merge lists without merge key for string");
  }

  @Test
  @DisplayName("apply, $setElementOrder over two empty lists, fails with 500 no elements")
  void refusesOrderingNothing() {
    var original = json("{'metadata':{'name':'ns','finalizers':[]}}");
    var patch = json("{'metadata':{'$setElementOrder/finalizers':[]}}");

    var failure = catchThrowable(() -> StrategicMergePatch.apply(original, patch, Namespace.class));

    assertThat(status(failure)).containsExactly(500, "", "no elements in any of the given slices");
  }

  @Test
  @DisplayName("apply, null first element of a merged list, fails as the apiserver's panic does")
  void refusesNullElementLikeThePanic() {
    var original = json("{'metadata':{'name':'ns','finalizers':[]}}");
    var patch = json("{'metadata':{'finalizers':[null]}}");

    var failure = catchThrowable(() -> StrategicMergePatch.apply(original, patch, Namespace.class));

    assertThat(status(failure))
        .containsExactly(
            500,
            "InternalError",
            "an error on the server (\"This request caused apiserver to panic. Look in the logs"
                + " for details.\") has prevented the request from succeeding");
  }

  private static Object[] status(Throwable failure) {
    if (failure instanceof PatchException e) {
      return new Object[] {e.code(), e.reason(), e.getMessage()};
    }
    if (failure instanceof ApiException e) {
      return new Object[] {e.code(), e.reason(), e.getMessage()};
    }
    throw new AssertionError("not a patch failure", failure);
  }
}
