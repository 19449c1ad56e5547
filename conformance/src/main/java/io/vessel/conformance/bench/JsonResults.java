package io.vessel.conformance.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON shapes of the results file, one method per kind of figure. */
final class JsonResults {

  private JsonResults() {}

  static ObjectNode phase(PhaseResult p) {
    var node = BenchResource.JSON.createObjectNode();
    node.put("ok", p.ok());
    node.put("errors", p.errors());
    node.putPOJO("errorSamples", p.errorSamples());
    node.put("seconds", p.seconds());
    node.put("opsPerSecond", p.opsPerSecond());
    node.put("p50Ms", p.p50Ms());
    node.put("p99Ms", p.p99Ms());
    node.put("maxMs", p.maxMs());
    if (p.cpu() != null) {
      node.set("cpuCores", cpu(p.cpu()));
    }
    if (!p.pgWaits().isEmpty()) {
      node.putPOJO("pgSessionsByState", p.pgWaits());
    }
    return node;
  }

  static ObjectNode list(ReadPhases.Listed listed, CpuUsage cpu) {
    var o = listed.outcome();
    var node = BenchResource.JSON.createObjectNode();
    node.put("repetitions", o.ok() + o.errors());
    node.put("errors", o.errors());
    node.putPOJO("errorSamples", o.errorSamples());
    node.put("items", listed.items());
    node.put("responseBytes", listed.bytes());
    node.put("medianMs", o.latency().percentileMs(50));
    node.put("p99Ms", o.latency().percentileMs(99));
    node.put("maxMs", o.latency().maxMs());
    if (cpu != null) {
      node.set("cpuCoresBothListVariants", cpu(cpu));
    }
    return node;
  }

  static ObjectNode watch(WatchFanout.Result w) {
    var v = w.verdict();
    var node = BenchResource.JSON.createObjectNode();
    node.put("watchers", w.watchers());
    node.put("http2Connections", w.connections());
    node.put("openSeconds", w.openSeconds());
    var writes = node.putObject("writes");
    writes.put("ok", w.writes().byResourceVersion().length);
    writes.put("errors", w.writes().errors());
    writes.putPOJO("errorSamples", w.writes().errorSamples());
    writes.put("achievedPerSecond", w.writes().achievedRate());
    writes.put("p50Ms", w.writes().latency().percentileMs(50));
    writes.put("p99Ms", w.writes().latency().percentileMs(99));
    node.put("drainSeconds", w.drainSeconds());
    var check = node.putObject("check");
    check.put("passed", v.passed());
    check.put("eventsExpected", v.expected());
    check.put("eventsChecked", v.checked());
    check.put("lost", v.lost());
    check.put("duplicated", v.duplicated());
    check.put("outOfOrder", v.outOfOrder());
    check.put("wrong", v.wrong());
    check.put("brokenStreams", v.brokenStreams());
    check.putPOJO("failureSamples", v.failures());
    check.put("bookmarks", v.bookmarks());
    check.put("deliveredBeforeWriteAnswer", v.beforeAnswer());
    node.set("commitToDeliveryMs", latency(v.commitToDelivery()));
    node.set("sendToDeliveryMs", latency(v.sendToDelivery()));
    if (w.cpu() != null) {
      node.set("cpuCores", cpu(w.cpu()));
    }
    return node;
  }

  private static ObjectNode latency(Latencies l) {
    var node = BenchResource.JSON.createObjectNode();
    node.put("samples", l.count());
    node.put("p50", l.percentileMs(50));
    node.put("p99", l.percentileMs(99));
    node.put("max", l.maxMs());
    return node;
  }

  private static ObjectNode cpu(CpuUsage cpu) {
    var node = BenchResource.JSON.createObjectNode();
    node.put("server", cpu.serverCores());
    node.put("bench", cpu.clientCores());
    node.put("postgresAndOther", cpu.otherCores());
    node.put("machineBusy", cpu.machineBusyCores());
    node.put("machineCores", cpu.machineCores());
    return node;
  }
}
