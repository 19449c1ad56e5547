package io.vessel.server.api.apply;

import static io.vessel.server.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Field sets computed from objects under the model's structure. */
class ObjectFieldsTest {

  static Stream<Arguments> appliedSets() {
    return Stream.of(
        arguments(
            named("map keys and scalars are leaves", ConfigMap.class),
            "{'metadata':{'labels':{'a':'1'}},'data':{'k':'v'}}",
            "{'f:data':{'f:k':{}},'f:metadata':{'f:labels':{'f:a':{}}}}"),
        arguments(
            named("containers by name, ports by containerPort and protocol", Deployment.class),
            "{'spec':{'template':{'spec':{'containers':[{'name':'c','image':'i',"
                + "'ports':[{'containerPort':80}]}]}}}}",
            "{'f:spec':{'f:template':{'f:spec':{'f:containers':{'k:{\"name\":\"c\"}':{'.':{},"
                + "'f:image':{},'f:name':{},'f:ports':{'k:{\"containerPort\":80,"
                + "\"protocol\":\"TCP\"}':{'.':{},'f:containerPort':{}}}}}}}}}"),
        arguments(
            named("an atomic struct and an atomic list are one field each", Deployment.class),
            "{'spec':{'selector':{'matchLabels':{'a':'b'}},'template':{'spec':{"
                + "'tolerations':[{'key':'k'}]}}}}",
            "{'f:spec':{'f:selector':{},'f:template':{'f:spec':{'f:tolerations':{}}}}}"),
        arguments(
            named("owner references by uid, each one atomic", ConfigMap.class),
            "{'metadata':{'ownerReferences':[{'uid':'u1','kind':'ReplicaSet','name':'r'}]}}",
            "{'f:metadata':{'f:ownerReferences':{'k:{\"uid\":\"u1\"}':{}}}}"),
        arguments(
            named("job conditions are atomic in apply", Job.class),
            "{'status':{'conditions':[{'type':'Complete','status':'True'}]}}",
            "{'f:status':{'f:conditions':{}}}"),
        arguments(
            named("finalizers are a set", ConfigMap.class),
            "{'metadata':{'finalizers':['a/b']}}",
            "{'f:metadata':{'f:finalizers':{'v:\"a/b\"':{}}}}"),
        arguments(
            named("an empty struct is not tracked, an empty map key is", Pod.class),
            "{'spec':{'securityContext':{},'nodeSelector':{'a':''}}}",
            "{'f:spec':{'f:nodeSelector':{'f:a':{}}}}"),
        arguments(
            named("service ports by port and protocol", Service.class),
            "{'spec':{'ports':[{'port':80,'protocol':'UDP','name':'dns'}]}}",
            "{'f:spec':{'f:ports':{'k:{\"port\":80,\"protocol\":\"UDP\"}':{'.':{},'f:name':{},"
                + "'f:port':{},'f:protocol':{}}}}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("appliedSets")
  @DisplayName("toSet, an applied configuration, upstream's field set")
  void toSet(Class<?> type, String config, String fieldsV1) {
    // When
    var set = ObjectFields.toSet(json(config), FieldShape.root(type));

    // Then
    assertThat(set.toFieldsV1()).isEqualTo(json(fieldsV1));
  }

  static Stream<Arguments> comparisons() {
    return Stream.of(
        arguments(
            named("a changed scalar is modified", Deployment.class),
            "{'spec':{'replicas':1}}",
            "{'spec':{'replicas':2}}",
            "{}",
            "{'f:spec':{'f:replicas':{}}}",
            "{}"),
        arguments(
            named("a new map is added with its keys", ConfigMap.class),
            "{'metadata':{'name':'a'}}",
            "{'metadata':{'name':'a','labels':{'x':'1'}}}",
            "{'f:metadata':{'f:labels':{'.':{},'f:x':{}}}}",
            "{}",
            "{}"),
        arguments(
            named("a removed element is removed with its fields", Deployment.class),
            "{'spec':{'template':{'spec':{'containers':[{'name':'a','image':'i'},"
                + "{'name':'b','image':'j'}]}}}}",
            "{'spec':{'template':{'spec':{'containers':[{'name':'a','image':'i'}]}}}}",
            "{}",
            "{}",
            "{'f:spec':{'f:template':{'f:spec':{'f:containers':{'k:{\"name\":\"b\"}':{'.':{},"
                + "'f:image':{},'f:name':{}}}}}}}"),
        arguments(
            named("reordered elements are no change", Deployment.class),
            "{'spec':{'template':{'spec':{'containers':[{'name':'a'},{'name':'b'}]}}}}",
            "{'spec':{'template':{'spec':{'containers':[{'name':'b'},{'name':'a'}]}}}}",
            "{}",
            "{}",
            "{}"),
        arguments(
            named("an atomic list changes as a whole", Deployment.class),
            "{'spec':{'template':{'spec':{'containers':[{'name':'a','args':['x']}]}}}}",
            "{'spec':{'template':{'spec':{'containers':[{'name':'a','args':['x','y']}]}}}}",
            "{}",
            "{'f:spec':{'f:template':{'f:spec':{'f:containers':{'k:{\"name\":\"a\"}':{"
                + "'f:args':{}}}}}}}",
            "{}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("comparisons")
  @DisplayName("compare, two versions, added, modified and removed fields")
  void compare(
      Class<?> type, String lhs, String rhs, String added, String modified, String removed) {
    // When
    var c = ObjectFields.compare(json(lhs), json(rhs), FieldShape.root(type));

    // Then
    assertThat(c.added().toFieldsV1()).isEqualTo(json(added));
    assertThat(c.modified().toFieldsV1()).isEqualTo(json(modified));
    assertThat(c.removed().toFieldsV1()).isEqualTo(json(removed));
  }
}
