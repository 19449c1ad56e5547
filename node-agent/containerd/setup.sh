#!/usr/bin/env bash
# Sets up containerd 1.6 (Debian bookworm) as the node agent's CRI runtime on a machine without
# systemd and without registry access. Idempotent; run as root.
#
#   node-agent/containerd/setup.sh [STATE_DIR]     (default /var/lib/vessel-containerd)
#   node-agent/containerd/setup.sh --own DIR       (Vessel's own instance, for ./vessel up)
#
# By default containerd serves its usual socket with its usual root and state, as the tests
# expect. With --own, everything is under DIR (config, root, state, socket DIR/containerd.sock),
# so a second containerd and the host's configuration are never touched.
#
# What it does (facts in ../shared/CRI-NOTES.md):
#   1. apt-get installs containerd, runc, CNI plugins, busybox-static and iptables if missing;
#   2. writes containerd's config and a CNI bridge conf (10.88.0.0/16) into STATE_DIR; the host's
#      /etc/containerd and /etc/cni are left alone;
#   3. starts containerd in the background (log: STATE_DIR/containerd.log) unless its socket
#      already answers, and waits for the socket;
#   4. builds localhost/pause:local and docker.io/library/busybox:latest from busybox-static with
#      tar + sha256sum (no registry) and imports them with `ctr -n k8s.io images import`.
#
set -euo pipefail

if [ "${1:-}" = --own ]; then
  STATE_DIR=${2:?--own needs a directory}
  mkdir -p "$STATE_DIR"
  STATE_DIR=$(cd "$STATE_DIR" && pwd)
  ROOT_DIR=$STATE_DIR/root
  RUN_DIR=$STATE_DIR/run
  SOCKET=$STATE_DIR/containerd.sock
else
  STATE_DIR=${1:-/var/lib/vessel-containerd}
  ROOT_DIR=/var/lib/containerd
  RUN_DIR=/run/containerd
  SOCKET=/run/containerd/containerd.sock
fi
PACKAGES=(containerd runc containernetworking-plugins busybox-static iptables)

if [ "$(id -u)" != 0 ]; then
  echo "setup.sh: run as root" >&2
  exit 1
fi

log() { echo "setup.sh: $*"; }

install_packages() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    # a fresh machine may have no package lists yet
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >/dev/null 2>&1 || {
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >/dev/null
    }
  fi
}

write_config() {
  mkdir -p "$STATE_DIR/cni/net.d" "$STATE_DIR/images"
  cat >"$STATE_DIR/config.toml" <<'EOF'
# containerd 1.6 - CRI for an offline VM without systemd (written by node-agent/containerd/setup.sh)
version = 2
root = "ROOT_DIR"
state = "RUN_DIR"

[grpc]
  address = "SOCKET"

[plugins]
  [plugins."io.containerd.grpc.v1.cri"]
    # built and imported by this script; never pulled
    sandbox_image = "localhost/pause:local"
    stream_server_address = "127.0.0.1"
    stream_server_port = "0"
    enable_selinux = false
    disable_apparmor = true
    tolerate_missing_hugetlb_controller = true
    disable_hugetlb_controller = true
    # the VM drops CAP_SYS_RESOURCE: a sandbox's oom_score_adj of -998 would fail with
    # "write to /proc/self/oom_score_adj: Permission denied"
    restrict_oom_score_adj = true
    [plugins."io.containerd.grpc.v1.cri".containerd]
      snapshotter = "overlayfs"
      default_runtime_name = "runc"
      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
        runtime_type = "io.containerd.runc.v2"
        [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
          BinaryName = "/usr/sbin/runc"
          # cgroup v1, no systemd as PID 1: the cgroupfs driver
          SystemdCgroup = false
    [plugins."io.containerd.grpc.v1.cri".cni]
      bin_dir = "/usr/lib/cni"
      conf_dir = "STATE_DIR/cni/net.d"
      max_conf_num = 1
    [plugins."io.containerd.grpc.v1.cri".registry]
      config_path = ""
  [plugins."io.containerd.internal.v1.opt"]
    path = "ROOT_DIR/opt"
EOF
  sed -i -e "s|STATE_DIR|$STATE_DIR|" -e "s|ROOT_DIR|$ROOT_DIR|" -e "s|RUN_DIR|$RUN_DIR|" \
    -e "s|SOCKET|$SOCKET|" "$STATE_DIR/config.toml"
  cat >"$STATE_DIR/cni/net.d/10-podnet.conflist" <<'EOF'
{
  "cniVersion": "1.0.0",
  "name": "podnet",
  "plugins": [
    {
      "type": "bridge",
      "bridge": "cni0",
      "isGateway": true,
      "ipMasq": false,
      "hairpinMode": true,
      "ipam": {
        "type": "host-local",
        "ranges": [[{ "subnet": "10.88.0.0/16", "gateway": "10.88.0.1" }]],
        "routes": [{ "dst": "0.0.0.0/0" }],
        "dataDir": "/var/lib/cni/networks"
      }
    },
    { "type": "portmap", "capabilities": { "portMappings": true } }
  ]
}
EOF
}

socket_answers() {
  [ -S "$SOCKET" ] && ctr --address "$SOCKET" version >/dev/null 2>&1
}

start_containerd() {
  if socket_answers; then
    log "containerd already answers on $SOCKET"
    return
  fi
  log "starting containerd (log: $STATE_DIR/containerd.log)"
  setsid containerd --config "$STATE_DIR/config.toml" >>"$STATE_DIR/containerd.log" 2>&1 </dev/null &
  echo $! >"$STATE_DIR/containerd.pid"
  for _ in $(seq 1 100); do
    socket_answers && return
    sleep 0.1
  done
  echo "setup.sh: containerd did not answer on $SOCKET within 10 s; see $STATE_DIR/containerd.log" >&2
  exit 1
}

# A docker-archive with one layer: manifest.json + config.json + layer.tar (CRI-NOTES section 4).
# $1 archive, $2 rootfs dir, $3 config JSON "config" object, $4.. repo tags
write_archive() {
  local archive=$1 rootfs=$2 config=$3
  shift 3
  local work
  work=$(mktemp -d)
  tar -C "$rootfs" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf "$work/layer.tar" .
  local diff_id
  diff_id=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
  printf '{"architecture":"amd64","os":"linux","config":%s,"rootfs":{"type":"layers","diff_ids":["sha256:%s"]}}' \
    "$config" "$diff_id" >"$work/config.json"
  local tags
  tags=$(printf '"%s",' "$@")
  printf '[{"Config":"config.json","RepoTags":[%s],"Layers":["layer.tar"]}]' "${tags%,}" >"$work/manifest.json"
  tar -C "$work" --sort=name --mtime=@0 -cf "$archive" manifest.json config.json layer.tar
  rm -rf "$work"
}

images_present() {
  local have
  have=$(ctr --address "$SOCKET" -n k8s.io images ls -q 2>/dev/null)
  grep -qx localhost/pause:local <<<"$have" && grep -qx docker.io/library/busybox:latest <<<"$have"
}

build_images() {
  if images_present; then
    log "localhost/pause:local and docker.io/library/busybox:latest already imported"
    return
  fi
  local rootfs
  rootfs=$(mktemp -d)
  mkdir -p "$rootfs"/{bin,etc,tmp,proc,sys,dev,root,var/www}
  chmod 1777 "$rootfs/tmp"
  cp /bin/busybox "$rootfs/bin/busybox"
  for a in $("$rootfs/bin/busybox" --list); do
    [ "$a" = busybox ] || ln -sf /bin/busybox "$rootfs/bin/$a"
  done
  echo 'root:x:0:0:root:/root:/bin/sh' >"$rootfs/etc/passwd"
  echo 'root:x:0:' >"$rootfs/etc/group"
  local path='"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"'
  write_archive "$STATE_DIR/images/busybox.tar" "$rootfs" \
    "{\"Env\":[$path],\"Cmd\":[\"sh\"]}" docker.io/library/busybox:latest docker.io/library/busybox:local
  write_archive "$STATE_DIR/images/pause.tar" "$rootfs" \
    "{\"Env\":[$path],\"Entrypoint\":[\"/bin/sh\",\"-c\",\"trap 'exit 0' TERM INT; while true; do sleep 3600 & wait \$!; done\"]}" \
    localhost/pause:local
  rm -rf "$rootfs"
  for image in pause busybox; do
    ctr --address "$SOCKET" -n k8s.io images import "$STATE_DIR/images/$image.tar" >/dev/null
  done
  log "imported localhost/pause:local, docker.io/library/busybox:latest"
}

install_packages
write_config
start_containerd
build_images
log "ready: unix://$SOCKET"
