# Finds a JDK 21 or newer and exports JAVA_HOME and PATH for it.
# Sourced by every Bindery script; stops with a clear message when no JDK 21+ exists.

bindery_java_major() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

bindery_find_jdk() {
    local candidate major
    local on_path
    on_path="$(readlink -f "$(command -v java 2>/dev/null || echo /x/x/x)")"
    for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 \
        /usr/lib/jvm/*25* /usr/lib/jvm/*21* /usr/lib/jvm/* /opt/java/* /opt/jdk* \
        "$(dirname "$(dirname "$on_path")")"; do
        [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] \
            || continue
        major="$(bindery_java_major "$candidate")"
        if [ -n "$major" ] && [ "$major" -ge 21 ]; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

if ! BINDERY_JDK="$(bindery_find_jdk)"; then
    echo "error: Bindery needs a JDK 21 or newer (Helidon 4 runs on virtual threads)." >&2
    echo "       JAVA_HOME is '${JAVA_HOME:-unset}' and no JDK 21+ was found" \
        "in /usr/lib/jvm or /opt." >&2
    echo "       Install one (for example: apt-get install openjdk-21-jdk-headless)" >&2
    echo "       or point JAVA_HOME at it, then run this command again." >&2
    exit 1
fi
export JAVA_HOME="$BINDERY_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
