#!/usr/bin/env bash
# Runs the publish job (.ci/publish.sh) the way CI does, against a local bare
# repository standing for the remote: a fresh shallow clone of main per run,
# as actions/checkout makes. Edition 2026.3 first, then 2026.4, then a
# nightly republish of 2026.4, then a push that still says 2026.3 (refused
# without --replace); then checks the site branch: both editions
# present, versions.json, latest is 2026.4, 2026.3 untouched byte for byte
# (same git tree), history only appended to.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# A git of our own: no user or system configuration leaks in.
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=$tmp/gitconfig
git config --global user.name "e2e"
git config --global user.email "e2e@example.invalid"
git config --global init.defaultBranch main
git config --global advice.detachedHead false

fail() { echo "publish-e2e: FAIL: $*" >&2; exit 1; }

(cd "$root" && go build -o "$tmp/shiftbook" ./cmd/shiftbook)
export SHIFTBOOK=$tmp/shiftbook

# The remote, and main holding this working tree as it is (tracked and new
# files, not ignored ones).
git init --quiet --bare "$tmp/remote.git"
mkdir "$tmp/src"
(cd "$root" && git ls-files -z --cached --others --exclude-standard |
  tar --null --files-from=- --ignore-failed-read -cf - 2>/dev/null) | tar -C "$tmp/src" -xf -
[ -x "$tmp/src/.ci/publish.sh" ] || fail ".ci/publish.sh missing from the copy"
set_version() { sed -i "s/^version *=.*/version = \"$1\"/" "$tmp/src/site.toml"; }
commit_main() {
  git -C "$tmp/src" add --all
  git -C "$tmp/src" commit --quiet -m "$1"
  git -C "$tmp/src" push --quiet origin main
}
git -C "$tmp/src" init --quiet
git -C "$tmp/src" remote add origin "$tmp/remote.git"
set_version 2026.3
commit_main "Edition 2026.3"

# One CI run: a shallow checkout of main, then the publish job in it.
n=0
ci_run() {
  n=$((n + 1))
  git clone --quiet --depth 1 --branch main "file://$tmp/remote.git" "$tmp/ci$n"
  if [ "$n" -eq 1 ]; then
    # As in CI: the job builds shiftbook from the checkout itself.
    (cd "$tmp/ci$n" && SHIFTBOOK='' .ci/publish.sh)
  else
    (cd "$tmp/ci$n" && .ci/publish.sh)
  fi
}

ci_run
set_version 2026.4
cat >"$tmp/src/content/vision/e2e-new-page.md" <<'EOF'
+++
title = "Arrived in 2026.4"
+++
A page the second edition adds.
EOF
commit_main "Edition 2026.4"
ci_run
ci_run # the nightly job: republish 2026.4

# A push whose site.toml still (or again) says 2026.3 must not replace the
# published 2026.3: the job fails, names the newest edition, pushes nothing.
before=$(git ls-remote "file://$tmp/remote.git" refs/heads/gh-pages)
set_version 2026.3
commit_main "Edition 2026.3 again, by mistake"
if ci_run >"$tmp/refused.log" 2>&1; then fail "republishing the older 2026.3 without --replace succeeded"; fi
grep -q "2026.4 is newer" "$tmp/refused.log" || { cat "$tmp/refused.log" >&2; fail "the refusal does not name the newest edition"; }
[ "$(git ls-remote "file://$tmp/remote.git" refs/heads/gh-pages)" = "$before" ] || fail "the refused publish changed gh-pages"

# Check the site branch as a reader's host would get it.
git clone --quiet --branch gh-pages "file://$tmp/remote.git" "$tmp/pages"
p=$tmp/pages
for f in 2026.3/index.html 2026.4/index.html latest/index.html index.html versions.json .nojekyll \
  2026.3/manifest.json 2026.4/changes/index.html 2026.4/vision/e2e-new-page/index.html; do
  [ -e "$p/$f" ] || fail "$f missing from gh-pages"
done
[ ! -e "$p/2026.3/vision/e2e-new-page" ] || fail "2026.3 has the page only 2026.4 added"

listing=$("$SHIFTBOOK" publish --dest "$p" --list)
echo "$listing"
[ "$(echo "$listing" | awk 'NR == 2 { print $1, $3 }')" = "2026.4 latest" ] || fail "versions.json: 2026.4 is not first with latest"
[ "$(echo "$listing" | awk 'NR == 3 { print $1, NF }')" = "2026.3 3" ] || fail "versions.json: 2026.3 is not second without aliases"
[ "$(echo "$listing" | wc -l)" -eq 3 ] || fail "versions.json does not list exactly two editions"

diff -r "$p/latest" "$p/2026.4" >/dev/null || fail "latest/ is not a copy of 2026.4/"
grep -q '<meta name="shiftbook-version" content="2026.4">' "$p/latest/index.html" || fail "latest/ is not edition 2026.4"
grep -q 'url=latest/' "$p/index.html" || fail "index.html does not send readers to latest/"
grep -q 'compared with edition <strong>2026.3</strong>' "$p/2026.4/changes/index.html" || fail "the changes page does not compare with 2026.3"
grep -q 'Arrived in 2026.4' "$p/2026.4/changes/index.html" || fail "the changes page does not list the added page"

# History only grows: one commit per publish that changed something, and
# 2026.3 is the very same tree in every commit since it was published.
commits=$(git -C "$p" rev-list --count HEAD)
if [ "$commits" -lt 2 ] || [ "$commits" -gt 3 ]; then fail "gh-pages has $commits commits, want 2 or 3"; fi
first=$(git -C "$p" rev-list --max-parents=0 HEAD)
want=$(git -C "$p" rev-parse "$first:2026.3")
for c in $(git -C "$p" rev-list HEAD); do
  [ "$(git -C "$p" rev-parse "$c:2026.3")" = "$want" ] || fail "2026.3 changed in commit $c"
done

echo "publish-e2e: ok: $commits commits on gh-pages, editions 2026.4 (latest) and 2026.3 (untouched)"
