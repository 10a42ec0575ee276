#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Regenerates the TLS fixtures of test-fetcher: a test CA and a server
# certificate it signed for IP:127.0.0.1 only, both valid for a century so
# that CI never sees them expire. The CA key is thrown away. These
# certificates are trusted nowhere but in the test that loads ca.pem.
set -eu
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

openssl req -x509 -newkey rsa:2048 -nodes -days 36500 \
  -keyout "$work/ca-key.pem" -out ca.pem \
  -subj "/CN=Corroborate Test CA" \
  -addext "basicConstraints=critical,CA:TRUE" \
  -addext "keyUsage=critical,keyCertSign,cRLSign"

openssl req -newkey rsa:2048 -nodes \
  -keyout server-key.pem -out "$work/server.csr" \
  -subj "/CN=127.0.0.1"

cat > "$work/server.ext" <<'EXT'
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=IP:127.0.0.1
EXT

openssl x509 -req -days 36500 -in "$work/server.csr" \
  -CA ca.pem -CAkey "$work/ca-key.pem" -set_serial 2 \
  -extfile "$work/server.ext" -out server-cert.pem
