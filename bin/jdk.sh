# Sourced by .ci/run and benchmarks/run: exports JAVA_HOME pointing at a JDK 21+ or fails saying why.
# It keeps JAVA_HOME if that is already a JDK 21+, else tries the Temurin 25 JDK of our machines, then
# every JDK under /usr/lib/jvm.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
pick_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "${major%%.*}" -ge 21 ]; then echo "$candidate"; return 0; fi
  done
  return 1
}
if ! JAVA_HOME=$(pick_jdk); then
  echo "No JDK 21+ found (looked at JAVA_HOME and /usr/lib/jvm): install one and set JAVA_HOME." >&2
  exit 1
fi
export JAVA_HOME
