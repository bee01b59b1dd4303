# Sourced by bin/flowlake and bin/test: the one place that installs what a bare machine lacks, from
# Debian's packages, so the README's two commands work on a fresh machine.
#   ensure <command> <debian package> <who>   installs <package> when <command> is missing
_flowlake_apt_updated=""
ensure() {
  command -v "$1" >/dev/null 2>&1 && return 0
  if [[ "$(id -u)" != 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    echo "$3: '$1' is not installed: install $2 (e.g. sudo apt-get install $2) and run again" >&2
    exit 2
  fi
  echo "$3: installing $2 (needed for '$1')" >&2
  if [[ -z "$_flowlake_apt_updated" ]]; then
    apt-get update -qq >&2
    _flowlake_apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null 2>&1 || {
    echo "$3: could not install $2 with apt-get; install it and run again" >&2
    exit 2
  }
  hash -r
}

# Debian's JDK 17 and Maven: what the build and the JVM flags are written for.
ensure_java_and_maven() {
  ensure java openjdk-17-jdk-headless "$1"
  ensure javac openjdk-17-jdk-headless "$1"
  ensure mvn maven "$1"
}
