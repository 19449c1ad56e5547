package io.vessel.server.api.patch.strategic;

import static io.vessel.server.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The merge rules and directives one at a time, on whole documents. */
class StrategicMergePatchSemanticsTest {

  private static final String PODSPEC = "{'spec':{'template':{'spec':%s}}}";

  private static String podSpec(String spec) {
    return String.format(PODSPEC, spec);
  }

  static Stream<Arguments> deploymentCases() {
    return Stream.of(
        arguments(
            named(
                "$patch replace on an object keeps only the patch",
                "{'spec':{'replicas':1," + "'selector':{'matchLabels':{'a':'1'}}}}"),
            "{'spec':{'selector':{'$patch':'replace','matchLabels':{'b':'2'}}}}",
            "{'spec':{'replicas':1,'selector':{'matchLabels':{'b':'2'}}}}"),
        arguments(
            named(
                "$patch delete on an object leaves it empty", "{'spec':{'strategy':{'type':'X'}}}"),
            "{'spec':{'strategy':{'$patch':'delete'}}}",
            "{'spec':{'strategy':{}}}"),
        arguments(
            named("$patch delete on an absent object adds nothing", "{'spec':{}}"),
            "{'spec':{'strategy':{'$patch':'delete'}}}",
            "{'spec':{}}"),
        arguments(
            named(
                "$patch replace at the top replaces the document",
                "{'metadata':{'name':'a'}," + "'spec':{'replicas':1}}"),
            "{'$patch':'replace','metadata':{'name':'b'}}",
            "{'metadata':{'name':'b'}}"),
        arguments(
            named(
                "null deletes present members and ignores absent ones", "{'spec':{'replicas':1}}"),
            "{'spec':{'replicas':null,'paused':null}}",
            "{'spec':{}}"),
        arguments(
            named("nulls inside a new object are discarded", "{'spec':{}}"),
            "{'spec':{'strategy':{'type':'Recreate','rollingUpdate':null}}}",
            "{'spec':{'strategy':{'type':'Recreate'}}}"),
        arguments(
            named("a new list drops elements carrying $patch", podSpec("{}")),
            podSpec("{'containers':[{'name':'a'},{'name':'b','$patch':'delete'}]}"),
            podSpec("{'containers':[{'name':'a'}]}")),
        arguments(
            named("a value of another type replaces, nulls discarded", "{'spec':{'replicas':1}}"),
            "{'spec':{'replicas':{'x':null,'y':1}}}",
            "{'spec':{'replicas':{'y':1}}}"),
        arguments(
            named("an unknown field is taken as sent, nulls discarded", "{'spec':{}}"),
            "{'spec':{'extra':{'b':3,'a':null},'extraList':[{'x':1},{'$patch':'delete'}]}}",
            "{'spec':{'extra':{'b':3},'extraList':[{'x':1}]}}"),
        arguments(
            named(
                "a map of quantities merges member by member",
                "{'spec':{'template':{'spec':{'containers':[{'name':'a',"
                    + "'resources':{'limits':{'cpu':'1'}}}]}}}}"),
            "{'spec':{'template':{'spec':{'containers':[{'name':'a',"
                + "'resources':{'limits':{'memory':'1Gi'}}}]}}}}",
            "{'spec':{'template':{'spec':{'containers':[{'name':'a',"
                + "'resources':{'limits':{'cpu':'1','memory':'1Gi'}}}]}}}}"),
        arguments(
            named("$retainKeys in a new object stays, as upstream", "{'spec':{}}"),
            "{'spec':{'strategy':{'$retainKeys':['type'],'type':'Recreate'}}}",
            "{'spec':{'strategy':{'$retainKeys':['type'],'type':'Recreate'}}}"),
        arguments(
            named(
                "$retainKeys with an empty list empties the object",
                "{'spec':{'strategy':" + "{'type':'RollingUpdate','rollingUpdate':{}}}}"),
            "{'spec':{'strategy':{'$retainKeys':[]}}}",
            "{'spec':{'strategy':{}}}"),
        arguments(
            named(
                "$retainKeys does not require null members to be listed",
                "{'spec':{'strategy':"
                    + "{'type':'RollingUpdate','rollingUpdate':{'maxSurge':1}}}}"),
            "{'spec':{'strategy':{'$retainKeys':['type'],'type':'Recreate','rollingUpdate':null}}}",
            "{'spec':{'strategy':{'type':'Recreate'}}}"),
        arguments(
            named(
                "repeated merge keys in the patch merge together",
                podSpec("{'containers':" + "[{'name':'a','image':'1'}]}")),
            podSpec("{'containers':[{'name':'b','image':'x'},{'name':'b','tty':true}]}"),
            podSpec(
                "{'containers':[{'name':'b','image':'x','tty':true},{'name':'a','image':'1'}]}")),
        arguments(
            named(
                "deleting an absent element is a no-op", podSpec("{'containers':[{'name':'a'}]}")),
            podSpec("{'containers':[{'$patch':'delete','name':'zz'}]}"),
            podSpec("{'containers':[{'name':'a'}]}")),
        arguments(
            named("$setElementOrder with a new list in the same order", podSpec("{}")),
            podSpec(
                "{'$setElementOrder/containers':[{'name':'b'},{'name':'a'}],"
                    + "'containers':[{'name':'b'},{'name':'a'}]}"),
            podSpec("{'containers':[{'name':'b'},{'name':'a'}]}")),
        arguments(
            named(
                "atomic list keeps $patch elements as sent",
                podSpec("{'tolerations':[{'key':'a'}]}")),
            podSpec("{'tolerations':[{'key':'b'},{'$patch':'replace'}]}"),
            podSpec("{'tolerations':[{'key':'b'},{'$patch':'replace'}]}")),
        arguments(
            named("an empty patch changes nothing", "{'spec':{'replicas':1,'paused':true}}"),
            "{}",
            "{'spec':{'replicas':1,'paused':true}}"),
        arguments(
            named("a null patch body changes nothing", "{'spec':{'replicas':1}}"),
            "null",
            "{'spec':{'replicas':1}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deploymentCases")
  @DisplayName("apply, directive or rule on a deployment, yields the upstream document")
  void appliesToDeployment(String original, String patch, String expected) {
    assertThat(StrategicMergePatch.apply(json(original), json(patch), Deployment.class))
        .isEqualTo(json(expected));
  }

  static Stream<Arguments> namespaceFinalizerCases() {
    return Stream.of(
        arguments(
            named("union drops repeats already in the original", "['a','a','b']"),
            "{'metadata':{'finalizers':['c']}}",
            "['c','a','b']"),
        arguments(
            named("$setElementOrder reorders scalars", "['a','b']"),
            "{'metadata':{'$setElementOrder/finalizers':['b','a']}}",
            "['b','a']"),
        arguments(
            named("deletion list removes every copy", "['a','b','a']"),
            "{'metadata':{'$deleteFromPrimitiveList/finalizers':['a']}}",
            "['b']"),
        arguments(
            named("deletion list of an absent value is a no-op", "['a']"),
            "{'metadata':{'$deleteFromPrimitiveList/finalizers':['z']}}",
            "['a']"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("namespaceFinalizerCases")
  @DisplayName("apply, patch of metadata.finalizers, yields the upstream list")
  void patchesFinalizers(String finalizers, String patch, String expected) {
    var original = json("{'metadata':{'name':'ns','finalizers':" + finalizers + "}}");

    var result = StrategicMergePatch.apply(original, json(patch), Namespace.class);

    assertThat(result.at("/metadata/finalizers")).isEqualTo(json(expected));
  }

  @Test
  @DisplayName("apply, deletion list set to null, deletes the list itself")
  void nullDeletionListDeletesField() {
    var original = json("{'metadata':{'name':'ns','finalizers':['a']}}");
    var patch = json("{'metadata':{'$deleteFromPrimitiveList/finalizers':null}}");

    var result = StrategicMergePatch.apply(original, patch, Namespace.class);

    assertThat(result).isEqualTo(json("{'metadata':{'name':'ns'}}"));
  }

  @Test
  @DisplayName("apply, deletion list for an absent field, adds nothing")
  void deletionListForAbsentField() {
    var original = json("{'metadata':{'name':'ns'}}");
    var patch = json("{'metadata':{'$deleteFromPrimitiveList/finalizers':['a']}}");

    var result = StrategicMergePatch.apply(original, patch, Namespace.class);

    assertThat(result).isEqualTo(original);
  }

  @Test
  @DisplayName("apply, float merge key against an integer, adds a new element as Go's == does")
  void floatKeyDoesNotMatchInteger() {
    var original = json("{'spec':{'ports':[{'port':80,'name':'http'}]}}");
    var patch = json("{'spec':{'ports':[{'port':80.0,'name':'x'}]}}");

    var result = StrategicMergePatch.apply(original, patch, Service.class);

    assertThat(result.at("/spec/ports"))
        .isEqualTo(json("[{'port':80.0,'name':'x'},{'port':80,'name':'http'}]"));
  }

  @Test
  @DisplayName("apply, replace-strategy object, is taken exactly as sent, nulls included")
  void replaceStrategyKeepsPatchAsSent() {
    var original = json("{'spec':{'selector':{'matchLabels':{'a':'1'}}}}");
    var patch = json("{'spec':{'selector':{'matchLabels':{'a':null}}}}");

    var result = StrategicMergePatch.apply(original, patch, PodDisruptionBudget.class);

    assertThat(result).isEqualTo(patch);
  }

  @Test
  @DisplayName("apply, original null, takes the patch without nulls")
  void nullOriginalCountsAsEmpty() {
    var result =
        StrategicMergePatch.apply(
            null, json("{'metadata':{'name':'a','labels':null}}"), Namespace.class);

    assertThat(result).isEqualTo(json("{'metadata':{'name':'a'}}"));
  }
}
