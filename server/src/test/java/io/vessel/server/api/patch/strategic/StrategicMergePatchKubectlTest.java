package io.vessel.server.api.patch.strategic;

import static io.vessel.server.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The patches everyday kubectl commands send, applied to the objects they target. */
class StrategicMergePatchKubectlTest {

  private static final String WEB =
      "{'kind':'Deployment','metadata':{'name':'web','finalizers':['a','b','c']},"
          + "'spec':{'replicas':2,"
          + "'strategy':{'type':'RollingUpdate',"
          + "'rollingUpdate':{'maxSurge':'25%','maxUnavailable':'25%'}},"
          + "'template':{'metadata':{'labels':{'app':'web'}},'spec':{'containers':["
          + "{'name':'nginx','image':'nginx:1.24','ports':[{'containerPort':80,'name':'http'}],"
          + "'env':[{'name':'A','value':'1'},{'name':'B','value':'2'}]},"
          + "{'name':'sidecar','image':'busybox'},{'name':'log','image':'fluent'}],"
          + "'volumes':[{'name':'data','emptyDir':{}}],"
          + "'tolerations':[{'key':'k1','operator':'Exists'}]}}}}";

  static Stream<Arguments> deploymentPatches() {
    return Stream.of(
        arguments(
            named("set image replaces one container's image by name", WEB),
            "{'spec':{'template':{'spec':{'containers':[{'image':'nginx:1.25','name':'nginx'}]}}}}",
            "/spec/template/spec/containers",
            "[{'name':'nginx','image':'nginx:1.25','ports':[{'containerPort':80,'name':'http'}],"
                + "'env':[{'name':'A','value':'1'},{'name':'B','value':'2'}]},"
                + "{'name':'sidecar','image':'busybox'},{'name':'log','image':'fluent'}]"),
        arguments(
            named("set image on the middle container keeps the order", WEB),
            "{'spec':{'template':{'spec':{'containers':"
                + "[{'image':'busybox:2','name':'sidecar'}]}}}}",
            "/spec/template/spec/containers/1",
            "{'name':'sidecar','image':'busybox:2'}"),
        arguments(
            named("rollout restart adds the restartedAt annotation", WEB),
            "{'spec':{'template':{'metadata':{'annotations':"
                + "{'kubectl.kubernetes.io/restartedAt':'2024-05-01T10:00:00Z'}}}}}",
            "/spec/template/metadata",
            "{'labels':{'app':'web'},"
                + "'annotations':{'kubectl.kubernetes.io/restartedAt':'2024-05-01T10:00:00Z'}}"),
        arguments(
            named("rollout pause sets spec.paused", WEB),
            "{'spec':{'paused':true}}",
            "/spec/paused",
            "true"),
        arguments(
            named("scale through SMP changes replicas only", WEB),
            "{'spec':{'replicas':5}}",
            "/spec/replicas",
            "5"),
        arguments(
            named("env merges by name: update B, add C", WEB),
            "{'spec':{'template':{'spec':{'containers':[{'name':'nginx',"
                + "'env':[{'name':'B','value':'3'},{'name':'C','value':'4'}]}]}}}}",
            "/spec/template/spec/containers/0/env",
            "[{'name':'A','value':'1'},{'name':'B','value':'3'},{'name':'C','value':'4'}]"),
        arguments(
            named("env element deleted with $patch delete", WEB),
            "{'spec':{'template':{'spec':{'containers':[{'name':'nginx',"
                + "'env':[{'$patch':'delete','name':'A'}]}]}}}}",
            "/spec/template/spec/containers/0/env",
            "[{'name':'B','value':'2'}]"),
        arguments(
            named("container ports merge by containerPort, new port first", WEB),
            "{'spec':{'template':{'spec':{'containers':[{'name':'nginx',"
                + "'ports':[{'containerPort':8080,'name':'alt'}]}]}}}}",
            "/spec/template/spec/containers/0/ports",
            "[{'containerPort':8080,'name':'alt'},{'containerPort':80,'name':'http'}]"),
        arguments(
            named("new container goes before the existing ones", WEB),
            "{'spec':{'template':{'spec':{'containers':[{'name':'debug','image':'alpine'}]}}}}",
            "/spec/template/spec/containers",
            "[{'name':'debug','image':'alpine'},"
                + "{'name':'nginx','image':'nginx:1.24',"
                + "'ports':[{'containerPort':80,'name':'http'}],"
                + "'env':[{'name':'A','value':'1'},{'name':'B','value':'2'}]},"
                + "{'name':'sidecar','image':'busybox'},{'name':'log','image':'fluent'}]"),
        arguments(
            named("$patch delete removes a container", WEB),
            "{'spec':{'template':{'spec':{'containers':[{'$patch':'delete','name':'sidecar'}]}}}}",
            "/spec/template/spec/containers/1",
            "{'name':'log','image':'fluent'}"),
        arguments(
            named("$patch replace on the list keeps only the patch's containers", WEB),
            "{'spec':{'template':{'spec':{'containers':"
                + "[{'name':'only','image':'x'},{'$patch':'replace'}]}}}}",
            "/spec/template/spec/containers",
            "[{'name':'only','image':'x'}]"),
        arguments(
            named("$setElementOrder/containers reorders without changing content", WEB),
            "{'spec':{'template':{'spec':{'$setElementOrder/containers':"
                + "[{'name':'log'},{'name':'nginx'},{'name':'sidecar'}]}}}}",
            "/spec/template/spec/containers/0",
            "{'name':'log','image':'fluent'}"),
        arguments(
            named("volumes with $retainKeys switch the volume source", WEB),
            "{'spec':{'template':{'spec':{'volumes':[{'$retainKeys':['hostPath','name'],"
                + "'hostPath':{'path':'/srv'},'name':'data'}]}}}}",
            "/spec/template/spec/volumes",
            "[{'name':'data','hostPath':{'path':'/srv'}}]"),
        arguments(
            named("volumes without $retainKeys keep the old source too", WEB),
            "{'spec':{'template':{'spec':{'volumes':"
                + "[{'hostPath':{'path':'/srv'},'name':'data'}]}}}}",
            "/spec/template/spec/volumes",
            "[{'name':'data','emptyDir':{},'hostPath':{'path':'/srv'}}]"),
        arguments(
            named("strategy $retainKeys switches to Recreate", WEB),
            "{'spec':{'strategy':{'$retainKeys':['type'],'type':'Recreate'}}}",
            "/spec/strategy",
            "{'type':'Recreate'}"),
        arguments(
            named("strategy null member deletes rollingUpdate", WEB),
            "{'spec':{'strategy':{'rollingUpdate':null,'type':'Recreate'}}}",
            "/spec/strategy",
            "{'type':'Recreate'}"),
        arguments(
            named("tolerations are atomic and replaced whole", WEB),
            "{'spec':{'template':{'spec':{'tolerations':[{'key':'k2','operator':'Exists'}]}}}}",
            "/spec/template/spec/tolerations",
            "[{'key':'k2','operator':'Exists'}]"),
        arguments(
            named("$deleteFromPrimitiveList/finalizers removes one finalizer", WEB),
            "{'metadata':{'$deleteFromPrimitiveList/finalizers':['b']}}",
            "/metadata/finalizers",
            "['a','c']"),
        arguments(
            named("finalizers merge as a union, new ones first", WEB),
            "{'metadata':{'finalizers':['d','a']}}",
            "/metadata/finalizers",
            "['d','a','b','c']"),
        arguments(
            named("apply: $setElementOrder and deletion list on finalizers", WEB),
            "{'metadata':{'$setElementOrder/finalizers':['c','a'],"
                + "'$deleteFromPrimitiveList/finalizers':['b']}}",
            "/metadata/finalizers",
            "['c','a']"),
        arguments(
            named("apply: 3-way patch removes a container and reorders the rest", WEB),
            "{'spec':{'template':{'spec':{"
                + "'$setElementOrder/containers':[{'name':'log'},{'name':'nginx'}],"
                + "'containers':[{'$patch':'delete','name':'sidecar'},"
                + "{'image':'fluent:2','name':'log'}]}}}}",
            "/spec/template/spec/containers",
            "[{'name':'log','image':'fluent:2'},"
                + "{'name':'nginx','image':'nginx:1.24',"
                + "'ports':[{'containerPort':80,'name':'http'}],"
                + "'env':[{'name':'A','value':'1'},{'name':'B','value':'2'}]}]"),
        arguments(
            named("apply: $setElementOrder keeps a server-only container before later ones", WEB),
            "{'spec':{'template':{'spec':{"
                + "'$setElementOrder/containers':[{'name':'log'},{'name':'nginx'}]}}}}",
            "/spec/template/spec/containers",
            "[{'name':'sidecar','image':'busybox'},{'name':'log','image':'fluent'},"
                + "{'name':'nginx','image':'nginx:1.24',"
                + "'ports':[{'containerPort':80,'name':'http'}],"
                + "'env':[{'name':'A','value':'1'},{'name':'B','value':'2'}]}]"),
        arguments(
            named("apply: an added container takes a removed one's place after a server-only", WEB),
            "{'spec':{'template':{'spec':{"
                + "'$setElementOrder/containers':[{'name':'nginx'},{'name':'debug'}],"
                + "'containers':[{'image':'alpine','name':'debug'},"
                + "{'$patch':'delete','name':'log'}]}}}}",
            "/spec/template/spec/containers",
            "[{'name':'nginx','image':'nginx:1.24',"
                + "'ports':[{'containerPort':80,'name':'http'}],"
                + "'env':[{'name':'A','value':'1'},{'name':'B','value':'2'}]},"
                + "{'name':'sidecar','image':'busybox'},{'name':'debug','image':'alpine'}]"),
        arguments(
            named("patch: an added container without $setElementOrder still goes first", WEB),
            "{'spec':{'template':{'spec':{'containers':[{'image':'alpine','name':'debug'},"
                + "{'$patch':'delete','name':'log'}]}}}}",
            "/spec/template/spec/containers",
            "[{'name':'debug','image':'alpine'},"
                + "{'name':'nginx','image':'nginx:1.24',"
                + "'ports':[{'containerPort':80,'name':'http'}],"
                + "'env':[{'name':'A','value':'1'},{'name':'B','value':'2'}]},"
                + "{'name':'sidecar','image':'busybox'}]"),
        arguments(
            named("apply: new env var with $setElementOrder/env lands where ordered", WEB),
            "{'spec':{'template':{'spec':{'$setElementOrder/containers':"
                + "[{'name':'nginx'},{'name':'sidecar'},{'name':'log'}],"
                + "'containers':[{'$setElementOrder/env':[{'name':'A'},{'name':'Z'},{'name':'B'}],"
                + "'env':[{'name':'Z','value':'26'}],'name':'nginx'}]}}}}",
            "/spec/template/spec/containers/0/env",
            "[{'name':'A','value':'1'},{'name':'Z','value':'26'},{'name':'B','value':'2'}]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deploymentPatches")
  @DisplayName("apply, kubectl patch of a deployment, yields the upstream result at the pointer")
  void patchesDeployment(String original, String patch, String pointer, String expected) {
    var result = StrategicMergePatch.apply(json(original), json(patch), Deployment.class);

    assertThat(result.at(pointer)).isEqualTo(json(expected));
  }

  private static final String SVC =
      "{'kind':'Service','metadata':{'name':'web','labels':{'app':'web'}},"
          + "'spec':{'type':'ClusterIP','selector':{'app':'web'},'ports':["
          + "{'name':'http','port':80,'protocol':'TCP','targetPort':80},"
          + "{'name':'https','port':443,'protocol':'TCP','targetPort':443}]}}";

  static Stream<Arguments> servicePatches() {
    return Stream.of(
        arguments(
            named("ports merge by port: the other port stays", SVC),
            "{'spec':{'ports':[{'port':80,'name':'http','targetPort':8080}]}}",
            "/spec/ports",
            "[{'name':'http','port':80,'protocol':'TCP','targetPort':8080},"
                + "{'name':'https','port':443,'protocol':'TCP','targetPort':443}]"),
        arguments(
            named("new port goes first", SVC),
            "{'spec':{'ports':[{'port':8443,'name':'alt','targetPort':8443}]}}",
            "/spec/ports/0/port",
            "8443"),
        arguments(
            named("port deleted by $patch delete", SVC),
            "{'spec':{'ports':[{'$patch':'delete','port':443}]}}",
            "/spec/ports",
            "[{'name':'http','port':80,'protocol':'TCP','targetPort':80}]"),
        arguments(
            named("label added like kubectl label", SVC),
            "{'metadata':{'labels':{'tier':'front'}}}",
            "/metadata/labels",
            "{'app':'web','tier':'front'}"),
        arguments(
            named("label removed with null", SVC),
            "{'metadata':{'labels':{'app':null}}}",
            "/metadata/labels",
            "{}"),
        arguments(
            named("selector map merges, not replaces", SVC),
            "{'spec':{'selector':{'version':'v2'}}}",
            "/spec/selector",
            "{'app':'web','version':'v2'}"),
        arguments(
            named("edit: changed field and $setElementOrder/ports", SVC),
            "{'spec':{'$setElementOrder/ports':[{'port':443},{'port':80}],"
                + "'ports':[{'port':80,'targetPort':81}]}}",
            "/spec/ports",
            "[{'name':'https','port':443,'protocol':'TCP','targetPort':443},"
                + "{'name':'http','port':80,'protocol':'TCP','targetPort':81}]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servicePatches")
  @DisplayName("apply, kubectl patch of a service, yields the upstream result at the pointer")
  void patchesService(String original, String patch, String pointer, String expected) {
    var result = StrategicMergePatch.apply(json(original), json(patch), Service.class);

    assertThat(result.at(pointer)).isEqualTo(json(expected));
  }

  private static final String NODE =
      "{'kind':'Node','metadata':{'name':'n1'},'spec':{'podCIDRs':['10.0.0.0/24'],"
          + "'taints':[{'key':'a','effect':'NoSchedule'}]},"
          + "'status':{'addresses':[{'type':'InternalIP','address':'10.0.0.5'},"
          + "{'type':'Hostname','address':'n1'}],"
          + "'conditions':[{'type':'Ready','status':'True','reason':'KubeletReady'},"
          + "{'type':'MemoryPressure','status':'False'}]}}";

  static Stream<Arguments> nodePatches() {
    return Stream.of(
        arguments(
            named("cordon sets unschedulable", NODE),
            "{'spec':{'unschedulable':true}}",
            "/spec",
            "{'podCIDRs':['10.0.0.0/24'],'taints':[{'key':'a','effect':'NoSchedule'}],"
                + "'unschedulable':true}"),
        arguments(
            named(
                "uncordon deletes unschedulable",
                NODE.replace("'taints'", "'unschedulable':true,'taints'")),
            "{'spec':{'unschedulable':null}}",
            "/spec/unschedulable",
            null),
        arguments(
            named("taint replaces the atomic taints list", NODE),
            "{'spec':{'taints':[{'effect':'NoSchedule','key':'a'},"
                + "{'effect':'NoExecute','key':'b','value':'x'}]}}",
            "/spec/taints",
            "[{'effect':'NoSchedule','key':'a'},{'effect':'NoExecute','key':'b','value':'x'}]"),
        arguments(
            named("conditions merge by type", NODE),
            "{'status':{'conditions':"
                + "[{'type':'Ready','status':'False','reason':'KubeletNotReady'}]}}",
            "/status/conditions",
            "[{'type':'Ready','status':'False','reason':'KubeletNotReady'},"
                + "{'type':'MemoryPressure','status':'False'}]"),
        arguments(
            named("addresses merge by type", NODE),
            "{'status':{'addresses':[{'type':'Hostname','address':'node-1'}]}}",
            "/status/addresses",
            "[{'type':'InternalIP','address':'10.0.0.5'},{'type':'Hostname','address':'node-1'}]"),
        arguments(
            named("podCIDRs merge as a set of scalars", NODE),
            "{'spec':{'podCIDRs':['10.0.0.0/24','fd00::/64']}}",
            "/spec/podCIDRs",
            "['10.0.0.0/24','fd00::/64']"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nodePatches")
  @DisplayName("apply, kubectl patch of a node, yields the upstream result at the pointer")
  void patchesNode(String original, String patch, String pointer, String expected) {
    var result = StrategicMergePatch.apply(json(original), json(patch), Node.class);

    if (expected == null) {
      assertThat(result.at(pointer).isMissingNode()).isTrue();
    } else {
      assertThat(result.at(pointer)).isEqualTo(json(expected));
    }
  }

  static Stream<Arguments> podPatches() {
    var pod =
        "{'metadata':{'name':'p','ownerReferences':[{'uid':'u1','kind':'ReplicaSet','name':'rs'}]},"
            + "'spec':{'imagePullSecrets':[{'name':'reg'}],'hostAliases':[{'ip':'10.0.0.1',"
            + "'hostnames':['a']}],'topologySpreadConstraints':[{'topologyKey':'zone',"
            + "'maxSkew':1,'whenUnsatisfiable':'DoNotSchedule'}],"
            + "'containers':[{'name':'c','image':'i',"
            + "'volumeMounts':[{'name':'v','mountPath':'/a'}]}]},"
            + "'status':{'conditions':[{'type':'Ready','status':'True'}]}}";
    return Stream.of(
        arguments(
            named("ownerReferences merge by uid", pod),
            "{'metadata':{'ownerReferences':[{'uid':'u1','controller':true}]}}",
            "/metadata/ownerReferences",
            "[{'uid':'u1','kind':'ReplicaSet','name':'rs','controller':true}]"),
        arguments(
            named("imagePullSecrets merge by name", pod),
            "{'spec':{'imagePullSecrets':[{'name':'other'}]}}",
            "/spec/imagePullSecrets",
            "[{'name':'other'},{'name':'reg'}]"),
        arguments(
            named("hostAliases merge by ip, hostnames inside are atomic", pod),
            "{'spec':{'hostAliases':[{'ip':'10.0.0.1','hostnames':['b']}]}}",
            "/spec/hostAliases",
            "[{'ip':'10.0.0.1','hostnames':['b']}]"),
        arguments(
            named("topologySpreadConstraints merge by topologyKey", pod),
            "{'spec':{'topologySpreadConstraints':[{'topologyKey':'zone','maxSkew':2}]}}",
            "/spec/topologySpreadConstraints/0/maxSkew",
            "2"),
        arguments(
            named("volumeMounts merge by mountPath", pod),
            "{'spec':{'containers':[{'name':'c',"
                + "'volumeMounts':[{'mountPath':'/a','readOnly':true}]}]}}",
            "/spec/containers/0/volumeMounts",
            "[{'name':'v','mountPath':'/a','readOnly':true}]"),
        arguments(
            named("status conditions merge by type, new type first", pod),
            "{'status':{'conditions':[{'type':'PodScheduled','status':'True'}]}}",
            "/status/conditions",
            "[{'type':'PodScheduled','status':'True'},{'type':'Ready','status':'True'}]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("podPatches")
  @DisplayName("apply, patch of a pod, yields the upstream result at the pointer")
  void patchesPod(String original, String patch, String pointer, String expected) {
    var result = StrategicMergePatch.apply(json(original), json(patch), Pod.class);

    assertThat(result.at(pointer)).isEqualTo(json(expected));
  }

  @Test
  @DisplayName("apply, PDB selector has the replace strategy, replaces the selector whole")
  void replacesPdbSelector() {
    var original = json("{'spec':{'selector':{'matchLabels':{'a':'1','b':'2'}},'minAvailable':1}}");
    var patch = json("{'spec':{'selector':{'matchLabels':{'c':'3'}}}}");

    var result = StrategicMergePatch.apply(original, patch, PodDisruptionBudget.class);

    assertThat(result)
        .isEqualTo(json("{'spec':{'selector':{'matchLabels':{'c':'3'}},'minAvailable':1}}"));
  }

  @Test
  @DisplayName("apply, namespace label patch, leaves the inputs untouched")
  void doesNotMutateInputs() {
    var original =
        json("{'metadata':{'name':'ns','labels':{'a':'1'}},'spec':{'finalizers':['kubernetes']}}");
    var patch = json("{'metadata':{'labels':{'a':null,'b':'2'}},'spec':{'finalizers':['x']}}");
    var originalCopy = original.deepCopy();
    var patchCopy = patch.deepCopy();

    var result = StrategicMergePatch.apply(original, patch, Namespace.class);

    assertThat(result)
        .isEqualTo(
            json("{'metadata':{'name':'ns','labels':{'b':'2'}},'spec':{'finalizers':['x']}}"));
    assertThat(original).isEqualTo(originalCopy);
    assertThat(patch).isEqualTo(patchCopy);
  }
}
