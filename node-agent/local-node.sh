# Sourced by ./vessel: the local node that `vessel up` runs beside the server — Vessel's own
# containerd under the state dir (or an existing CRI runtime) and one node agent process.
#
# State (all under STATE_DIR/node): containerd/ (setup.sh --own), runtime/ (a copy of the agent's
# jar and libraries, as the server's), kubeconfig (node client certificate), agent.pid, agent.log,
# root/ (pod log directories).

NODE_AGENT_JAR="$ROOT/node-agent/target/vessel-node-agent.jar"
NODE_JAVA_OPTS=${VESSEL_NODE_JAVA_OPTS:--XX:+UseSerialGC -Xms16m -Xmx256m -XX:MaxMetaspaceSize=128m -Xss512k -XX:+ExitOnOutOfMemoryError}

# Why no local node can run here, or nothing when one can ($1: a CRI endpoint given by the user).
node_unusable() {
  if [ -n "$1" ]; then
    [ -S "${1#unix://}" ] || { echo "no CRI runtime socket at $1"; return; }
    return
  fi
  [ "$(id -u)" = 0 ] || { echo "running containers needs root"; return; }
  command -v containerd >/dev/null || { echo "containerd is not installed (apt-get install containerd runc containernetworking-plugins busybox-static iptables)"; return; }
  command -v runc >/dev/null || { echo "runc is not installed"; return; }
  [ -x /bin/busybox ] || { echo "busybox-static is not installed (it provides the sandbox and busybox images)"; return; }
}

node_agent_pid() { # $1 state dir
  local pidfile="$1/node/agent.pid" pid
  [ -f "$pidfile" ] || return 1
  pid=$(tr -dc '0-9' < "$pidfile")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  grep -qa "vessel-node-agent.jar" "/proc/$pid/cmdline" 2>/dev/null || return 1
  echo "$pid"
}

# Starts containerd (unless an endpoint is given) and the agent beside a local server; $1 state
# dir, $2 server URL, $3 server jar (for the certs tool), $4 CRI endpoint or "", $5 kubelet port.
node_up() {
  local state_dir=$1 url=$2 server_jar=$3 endpoint=$4 port=$5
  local dir="$state_dir/node" name
  name=$(hostname | tr '[:upper:]' '[:lower:]')
  mkdir -p "$dir"
  java -cp "$server_jar" io.vessel.certs.cli.CertsCommand kubeconfig --dir "$state_dir/pki" \
    --server "$url" --user "node:$name" --out "$dir/kubeconfig" >/dev/null \
    || { echo "vessel: could not write the node's kubeconfig; no local node" >&2; return 1; }
  node_agent_up "$state_dir" "$dir/kubeconfig" "$name" "$endpoint" "$port"
}

# Starts containerd (unless an endpoint is given) and an agent with a node kubeconfig; $1 state
# dir, $2 kubeconfig, $3 node name, $4 CRI endpoint or "", $5 kubelet port.
node_agent_up() {
  local state_dir=$1 kubeconfig=$2 name=$3 endpoint=$4 port=$5
  local dir="$state_dir/node"
  mkdir -p "$dir/root"
  if [ -z "$endpoint" ]; then
    "$ROOT/node-agent/containerd/setup.sh" --own "$dir/containerd" >> "$dir/containerd-setup.log" 2>&1 \
      || { echo "vessel: containerd did not start (see $dir/containerd-setup.log); no node" >&2; return 1; }
    endpoint="unix://$dir/containerd/containerd.sock"
  fi
  local runtime="$dir/runtime"
  if ! cmp -s "$NODE_AGENT_JAR" "$runtime/vessel-node-agent.jar" 2>/dev/null; then
    rm -rf "$runtime"
    mkdir -p "$runtime"
    cp -a "$NODE_AGENT_JAR" "$runtime/" && cp -a "$ROOT/node-agent/target/lib" "$runtime/lib"
  fi
  # shellcheck disable=SC2086
  nohup java $NODE_JAVA_OPTS -jar "$runtime/vessel-node-agent.jar" --kubeconfig "$kubeconfig" \
    --node-name "$name" --runtime-endpoint "$endpoint" --root-dir "$dir/root" \
    --kubelet-port "$port" >> "$dir/agent.log" 2>&1 < /dev/null &
  echo $! > "$dir/agent.pid"
  echo "vessel: node $name: agent pid $!, runtime $endpoint (log: $dir/agent.log)"
}

# Stops the agent, then Vessel's own containerd with the containers it runs (their pods are
# started again by the next `up`); an external runtime is left alone.
node_down() {
  local state_dir=$1 dir="$1/node" pid
  if pid=$(node_agent_pid "$state_dir"); then
    kill -TERM "$pid"
    for _ in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$dir/agent.pid"
  local ctd="$dir/containerd" sock
  sock="$ctd/containerd.sock"
  [ -f "$ctd/containerd.pid" ] || return 0
  pid=$(tr -dc '0-9' < "$ctd/containerd.pid")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -qa -- "$ctd/config.toml" "/proc/$pid/cmdline"; then
    local task
    for task in $(ctr --address "$sock" -n k8s.io tasks ls -q 2>/dev/null); do
      ctr --address "$sock" -n k8s.io tasks kill -s SIGKILL "$task" >/dev/null 2>&1 || true
    done
    for task in $(ctr --address "$sock" -n k8s.io tasks ls -q 2>/dev/null); do
      ctr --address "$sock" -n k8s.io tasks delete -f "$task" >/dev/null 2>&1 || true
    done
    kill -TERM "$pid"
    for _ in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
  fi
  rm -f "$ctd/containerd.pid"
  # sandboxes killed without the CRI keep their shm and rootfs mounts under the state dir
  awk -v d="$dir/" 'index($2, d) == 1 {print $2}' /proc/mounts | sort -r | xargs -r umount -l 2>/dev/null || true
}
