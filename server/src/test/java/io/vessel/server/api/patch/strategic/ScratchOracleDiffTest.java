package io.vessel.server.api.patch.strategic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.vessel.server.api.ApiException;
import io.vessel.server.api.patch.PatchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class ScratchOracleDiffTest {
  static final JsonMapper M = new JsonMapper();

  @Test
  void diff() throws Exception {
    var dir = Path.of(System.getProperty("oracle.dir", "/tmp/smpwork"));
    var cases = Files.readAllLines(dir.resolve("cases.jsonl"));
    var go = Files.readAllLines(dir.resolve("go.jsonl"));
    var out = new ArrayList<String>();
    int mismatches = 0;
    for (int i = 0; i < cases.size(); i++) {
      var c = M.readTree(cases.get(i));
      String java;
      JsonNode javaJson = null;
      try {
        var r = StrategicMergePatch.apply(c.get("o"), c.get("p"), Deployment.class);
        javaJson = M.readTree(M.writeValueAsString(r));
        java = "OK " + M.writeValueAsString(javaJson);
      } catch (PatchException e) {
        java = "ERR " + e.getMessage();
      } catch (ApiException e) {
        java = e.getMessage().contains("panic") ? "PANIC" : "ERR " + e.getMessage();
      } catch (RuntimeException e) {
        java = "JAVA-EXCEPTION " + e;
      }
      var goOuts = M.readTree(go.get(i));
      boolean match = false;
      for (var g : goOuts) {
        var s = g.textValue();
        if (s.startsWith("OK ") && javaJson != null) {
          if (M.readTree(s.substring(3)).equals(javaJson)) match = true;
        } else if (s.equals(java)) {
          match = true;
        }
      }
      if (!match) {
        mismatches++;
        out.add("#" + i + "\nCASE " + cases.get(i) + "\nGO   " + goOuts + "\nJAVA " + java + "\n");
      }
    }
    out.add(0, "mismatches: " + mismatches + " of " + cases.size());
    Files.write(dir.resolve("diff.txt"), out);
  }
}
