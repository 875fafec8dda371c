# Shared helpers for the scripts in bin/. Source it; do not run it.
# shellcheck shell=bash

PLUMBLINE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PLUMBLINE_STATE="${PLUMBLINE_STATE_DIR:-$PLUMBLINE_ROOT/.plumbline}"
PLUMBLINE_CACHE="${PLUMBLINE_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/plumbline}"

say() { printf '%s\n' "$*" >&2; }
die() { printf '%s: error: %s\n' "$(basename "$0")" "$*" >&2; exit 1; }

need() {
  # need COMMAND "why it is needed"
  command -v "$1" >/dev/null 2>&1 || die "'$1' is not installed; it is needed $2"
}

# Prints the home of a JDK 21 or newer: JAVA_HOME if it qualifies, else the java on PATH, else one under /usr/lib/jvm.
find_jdk21() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent)")")")" \
                   $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    candidate="${candidate%/}"
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    version="$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
    if [ -n "$version" ] && [ "${version%%.*}" -ge 21 ] 2>/dev/null; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  return 1
}

use_jdk21() {
  local home
  home="$(find_jdk21)" || die "no JDK 21 or newer found (looked at JAVA_HOME, the javac on PATH and /usr/lib/jvm/*); install one (e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+) and set JAVA_HOME"
  export JAVA_HOME="$home"
  export PATH="$JAVA_HOME/bin:$PATH"
  # Maven 3.8 on JDK 24+ warns about sun.misc.Unsafe from its bundled Guava; the warning is not ours.
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  [ "$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1)" -ge 24 ] \
    || export MAVEN_OPTS="${MAVEN_OPTS% --sun-misc-unsafe-memory-access=allow}"
}

# apt-get install, only for packages that are missing, and only as root.
apt_install() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || die "missing Debian packages: ${missing[*]}; install them with: sudo apt-get install -y ${missing[*]}"
  need apt-get "to install ${missing[*]}"
  say "installing Debian packages: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
}

# A TCP port on 127.0.0.1 that nobody listens on right now.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

port_in_use() {
  python3 - "$1" <<'PY'
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as servers bind: TIME_WAIT leftovers do not count
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(0)
sys.exit(1)
PY
}

pid_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

# stop_pid PID NAME: SIGTERM, then SIGKILL after 15 s.
stop_pid() {
  local pid="$1" name="$2" i
  pid_alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 150); do
    pid_alive "$pid" || return 0
    sleep 0.1
  done
  say "$name (pid $pid) did not stop within 15 s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
}
