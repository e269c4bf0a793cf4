#!/bin/sh
# extract.sh JAR DEST [STORES]
#
# An NF's exec jar laid out as the image runs it (java -jar DEST/app.jar): Spring Boot's jarmode tools extract it by
# layer (deploy/docker/layers.xml) and only the store engines named in STORES are kept: "redis etcd" (the default:
# every engine the NF was built with), "redis", "etcd", or "" for the in-memory store alone (a stateless function such
# as nssf-slice-select). A process whose liquid5gc.store.type or liquid5gc.registry.type names an engine left out
# refuses to start and says which module is missing. Used by deploy/docker/Dockerfile (ARG STORES),
# benchmarks/coldstart.sh and deploy-tests (FunctionUnitTest, StoreClassPathTest).
#
# The engines left out are listed in DEST/pruned-stores: Spring AOT's bean definitions, frozen at build time, name every
# engine of the build, so a unit without one of them runs without Spring AOT (the Dockerfile checks this file).
set -eu
jar=$1
dest=$2
stores=${3-redis etcd}
java=${JAVA:-java}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$jar" "$work/app.jar" # the extracted application jar is named after this one
"$java" -Djarmode=tools -jar "$work/app.jar" extract --layers --destination "$work/layers" > /dev/null
mkdir -p "$dest"
rm -f "$dest/pruned-stores"
for layer in "$work"/layers/*/; do
    name=$(basename "$layer")
    case "$name" in
        store-*)
            case " $stores " in
                *" ${name#store-} "*) ;;
                *) # an engine this NF was not built with is an empty layer: nothing left out
                   if [ -n "$(find "$layer" -type f | head -1)" ]; then echo "${name#store-}" >> "$dest/pruned-stores"; fi
                   continue ;;
            esac
            ;;
    esac
    cp -R "$layer". "$dest"/
done
test -s "$dest/app.jar"
