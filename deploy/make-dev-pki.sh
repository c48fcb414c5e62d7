#!/usr/bin/env bash
# Makes the development PKI that deploy/province.yaml and deploy/ministry.yaml name: one CA and a
# certificate + key for each gateway (Nghệ An H41, Ministry of Public Security G01), made with
# `lienthong keys`. For development and tests only: a production gateway gets its certificate from
# the government CA.
#
# Usage: deploy/make-dev-pki.sh [DIR]   (default /etc/lienthong/tls; LIENTHONG=path of the binary)
set -euo pipefail
dir=${1:-/etc/lienthong/tls}
lienthong=${LIENTHONG:-lienthong}
mkdir -p "$dir"
cd "$dir"

if [ ! -f government-ca.pem ]; then
    "$lienthong" keys generate --alg ES256 --out government-ca.key
    "$lienthong" keys ca --key government-ca.key --name "Lienthong Development CA" --out government-ca.pem
fi

# make_agency NAME CODE "COMMON NAME" DNS
make_agency() {
    local name=$1 code=$2 common=$3 dns=$4
    [ -f "$name-chain.pem" ] && return 0
    "$lienthong" keys generate --alg ES256 --out "$name-key.pem"
    "$lienthong" keys csr --key "$name-key.pem" --agency "$code" --name "$common" \
        --dns "$dns" --dns localhost --ip 127.0.0.1 --out "$name.csr"
    "$lienthong" keys issue --ca-key government-ca.key --ca-cert government-ca.pem --csr "$name.csr" \
        --out "$name-chain.pem"
    rm -f "$name.csr"
}

make_agency h41 000.00.00.H41 "UBND tỉnh Nghệ An" lienthong.nghean.gov.vn
make_agency g01 000.00.00.G01 "Bộ Công an" lienthong.bocongan.gov.vn
chmod 600 ./*.key ./*-key.pem
echo "development PKI in $dir: government-ca.pem, h41-chain.pem, h41-key.pem, g01-chain.pem, g01-key.pem"
