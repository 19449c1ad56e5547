package io.vessel.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vessel.server.api.Serialization;
import io.vessel.server.registry.ResourceCatalog;
import io.vessel.server.registry.ResourceDefinition;
import io.vessel.server.registry.Subresource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The discovery documents, built from the catalog: legacy (APIVersions, APIGroupList, APIGroup,
 * APIResourceList) and aggregated (apidiscovery.k8s.io APIGroupDiscoveryList, v2 and v2beta1).
 */
final class DiscoveryDocuments {
  private final ResourceCatalog catalog;

  DiscoveryDocuments(ResourceCatalog catalog) {
    this.catalog = catalog;
  }

  ObjectNode apiVersions(String serverAddress) {
    ObjectNode n = obj();
    n.put("kind", "APIVersions");
    n.putArray("versions").add("v1");
    ObjectNode cidr = n.putArray("serverAddressByClientCIDRs").addObject();
    cidr.put("clientCIDR", "0.0.0.0/0");
    cidr.put("serverAddress", serverAddress);
    return n;
  }

  ObjectNode groupList() {
    ObjectNode n = obj();
    n.put("kind", "APIGroupList");
    n.put("apiVersion", "v1");
    ArrayNode groups = n.putArray("groups");
    for (Map.Entry<String, List<String>> g : catalog.groups().entrySet()) {
      groups.add(group(g.getKey(), g.getValue(), false));
    }
    return n;
  }

  ObjectNode group(String name, List<String> versions, boolean withKind) {
    ObjectNode n = obj();
    if (withKind) {
      n.put("kind", "APIGroup");
      n.put("apiVersion", "v1");
    }
    n.put("name", name);
    ArrayNode vs = n.putArray("versions");
    for (String v : versions) {
      ObjectNode gv = vs.addObject();
      gv.put("groupVersion", name + "/" + v);
      gv.put("version", v);
    }
    ObjectNode preferred = n.putObject("preferredVersion");
    preferred.put("groupVersion", name + "/" + versions.get(0));
    preferred.put("version", versions.get(0));
    return n;
  }

  ObjectNode resourceList(String group, String version) {
    ObjectNode n = obj();
    n.put("kind", "APIResourceList");
    n.put("apiVersion", "v1");
    n.put("groupVersion", group.isEmpty() ? version : group + "/" + version);
    ArrayNode resources = n.putArray("resources");
    for (ResourceDefinition d : sorted(group, version)) {
      ObjectNode r = resources.addObject();
      r.put("name", d.resource());
      r.put("singularName", d.singular());
      r.put("namespaced", d.namespaced());
      r.put("kind", d.kind());
      strings(r.putArray("verbs"), d.verbs());
      if (!d.shortNames().isEmpty()) {
        strings(r.putArray("shortNames"), d.shortNames());
      }
      if (!d.categories().isEmpty()) {
        strings(r.putArray("categories"), d.categories());
      }
      for (Subresource s : sortedSubresources(d)) {
        ObjectNode sr = resources.addObject();
        sr.put("name", d.resource() + "/" + s.name());
        sr.put("singularName", "");
        sr.put("namespaced", d.namespaced());
        if (s.foreignKind()) {
          sr.put("group", s.group());
          sr.put("version", s.version());
        }
        sr.put("kind", s.kind());
        strings(sr.putArray("verbs"), s.verbs());
      }
    }
    return n;
  }

  /** The aggregated document of the core group ({@code /api}) or of all groups ({@code /apis}). */
  ObjectNode aggregated(boolean core, String version) {
    ObjectNode n = obj();
    n.put("kind", "APIGroupDiscoveryList");
    n.put("apiVersion", "apidiscovery.k8s.io/" + version);
    n.putObject("metadata");
    ArrayNode items = n.putArray("items");
    if (core) {
      if (catalog.servesGroupVersion("", "v1")) {
        items.add(aggregatedGroup("", List.of("v1")));
      }
    } else {
      for (Map.Entry<String, List<String>> g : catalog.groups().entrySet()) {
        items.add(aggregatedGroup(g.getKey(), g.getValue()));
      }
    }
    return n;
  }

  private ObjectNode aggregatedGroup(String group, List<String> versions) {
    ObjectNode item = obj();
    ObjectNode meta = item.putObject("metadata");
    if (!group.isEmpty()) {
      meta.put("name", group);
    }
    meta.putNull("creationTimestamp");
    ArrayNode vs = item.putArray("versions");
    for (String v : versions) {
      ObjectNode gv = vs.addObject();
      gv.put("version", v);
      ArrayNode resources = gv.putArray("resources");
      for (ResourceDefinition d : sorted(group, v)) {
        ObjectNode r = resources.addObject();
        r.put("resource", d.resource());
        r.set("responseKind", kind(d.group(), d.version(), d.kind()));
        r.put("scope", d.namespaced() ? "Namespaced" : "Cluster");
        r.put("singularResource", d.singular());
        strings(r.putArray("verbs"), d.verbs());
        if (!d.shortNames().isEmpty()) {
          strings(r.putArray("shortNames"), d.shortNames());
        }
        if (!d.categories().isEmpty()) {
          strings(r.putArray("categories"), d.categories());
        }
        if (!d.subresources().isEmpty()) {
          ArrayNode subs = r.putArray("subresources");
          for (Subresource s : sortedSubresources(d)) {
            ObjectNode sn = subs.addObject();
            sn.put("subresource", s.name());
            sn.set(
                "responseKind",
                s.foreignKind()
                    ? kind(s.group(), s.version(), s.kind())
                    : kind(d.group(), d.version(), s.kind()));
            strings(sn.putArray("verbs"), s.verbs());
          }
        }
      }
      gv.put("freshness", "Current");
    }
    return item;
  }

  /** Resources of a group-version by name, as kube-apiserver lists them. */
  private List<ResourceDefinition> sorted(String group, String version) {
    return catalog.inGroupVersion(group, version).stream()
        .sorted(Comparator.comparing(ResourceDefinition::resource))
        .toList();
  }

  private static List<Subresource> sortedSubresources(ResourceDefinition d) {
    return d.subresources().stream().sorted(Comparator.comparing(Subresource::name)).toList();
  }

  private static ObjectNode kind(String group, String version, String kind) {
    ObjectNode k = obj();
    k.put("group", group);
    k.put("version", version);
    k.put("kind", kind);
    return k;
  }

  private static void strings(ArrayNode a, List<String> values) {
    values.forEach(a::add);
  }

  private static ObjectNode obj() {
    return Serialization.json().createObjectNode();
  }
}
