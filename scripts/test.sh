#!/usr/bin/env bash
# `./tobira test [MAVEN ARGS…]`: sets up what the tests need on this machine, then runs `./mvnw verify`.
#   - a JDK 25 or newer (scripts/find-jdk.sh);
#   - the AWS CLI, boto3, curl, moto_server and node/npm, which the project cannot bring itself: checked, with the command
#     that installs them when missing;
#   - Debian's chromium and chromium-driver for the browser tests: installed with apt-get when missing
#     and this user may (root, or sudo without a password), else one message naming the command;
#   - each locked npm project of the tests: `npm ci` when its node_modules is missing or was installed
#     from another package-lock.json.
# Extra arguments go to Maven, e.g. `./tobira test -pl core` or `./tobira test -Dtest=SdkV2SrpSignInTest`.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh

say() { echo "tobira test: $*" >&2; }
missing() {
  say "$1"
  say "then run ./tobira test again."
  exit 1
}

# Runs "$@" as root: directly, or through sudo when it needs no password; fails otherwise.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo "$@"
  else
    return 1
  fi
}

command -v aws >/dev/null 2>&1 \
  || missing "the interop tests need the AWS CLI: install it (Debian: apt-get install -y awscli, or pip install awscli),"
python3 -c 'import boto3' 2>/dev/null \
  || missing "the interop tests need Python 3 with boto3: install it (Debian: apt-get install -y python3-boto3, or pip install boto3),"
command -v curl >/dev/null 2>&1 \
  || missing "the token endpoint tests need curl: install it (Debian: apt-get install -y curl),"
command -v moto_server >/dev/null 2>&1 \
  || missing "the side-by-side benchmark's smoke test needs moto_server: install it (pip install 'moto[server]'),"
{ command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; } \
  || missing "the interop tests need Node.js 20 or newer with npm (Debian: apt-get install -y nodejs npm),"

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  install_browser="apt-get update && apt-get install -y chromium chromium-driver"
  command -v apt-get >/dev/null 2>&1 \
    || missing "the browser tests need Chromium at /usr/bin/chromium and its driver at /usr/bin/chromedriver (Debian's chromium and chromium-driver),"
  say "installing Debian's chromium and chromium-driver for the browser tests"
  if ! { as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
      && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; }; then
    missing "the browser tests need Debian's chromium and chromium-driver, and they could not be installed as this user: run  sudo sh -c '$install_browser'"
  fi
fi

# The test's npm projects, each installed exactly as its lockfile says. A stamp with the lockfile's hash
# tells an up-to-date node_modules from one installed from an older lockfile.
while IFS= read -r lock; do
  project="$(dirname "$lock")"
  stamp="$project/node_modules/.tobira-package-lock.sha256"
  want="$(sha256sum "$lock" | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    say "npm ci in $project"
    (cd "$project" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" > "$stamp"
  fi
done < <(find . -name package-lock.json -not -path '*/node_modules/*' -not -path '*/target/*' -not -path './.git/*' | sort)

exec ./mvnw -B -ntp verify "$@"
