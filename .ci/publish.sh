#!/usr/bin/env bash
# The publish job: build this checkout's site as an edition and add it to the
# site branch (gh-pages), keeping every edition published before, the way
# mike does for MkDocs. .github/workflows/publish.yml runs it on every push
# to main and nightly; .ci/publish-e2e.sh runs it against a local bare
# repository.
#
#   1. check out the tip of the site branch into a temporary worktree (an
#      empty branch the first time);
#   2. shiftbook publish --dest that worktree (the version comes from
#      site.toml; `latest` moves to it unless an edition with a higher
#      version is already published);
#   3. commit and push, never forcing: a push that is not a fast-forward
#      fails, and the next run starts again from the new tip.
#
# Run it from the root of a checkout whose remote it may push to (in GitHub
# Actions, actions/checkout leaves the credentials for origin in the
# repository's config, which the worktree shares).
#
# Environment (all optional):
#   PAGES_REMOTE  remote name or URL to fetch and push (default: origin)
#   PAGES_BRANCH  the branch holding the published tree (default: gh-pages)
#   SITE          the site folder (default: .)
#   SHIFTBOOK     a shiftbook binary (default: built from this checkout)
#   PUBLISH_ARGS  more arguments for shiftbook publish, such as "--title Spring"
set -euo pipefail

remote=${PAGES_REMOTE:-origin}
branch=${PAGES_BRANCH:-gh-pages}
site=${SITE:-.}

work=$(mktemp -d)
pages=$work/pages
cleanup() {
  git worktree remove --force "$pages" >/dev/null 2>&1 || true
  git worktree prune >/dev/null 2>&1 || true
  git branch -D "publish-orphan-$$" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

shiftbook=${SHIFTBOOK:-}
if [ -z "$shiftbook" ]; then
  shiftbook=$work/shiftbook
  go build -o "$shiftbook" ./cmd/shiftbook
fi

# 1. The published tree as it is now.
if git ls-remote --exit-code --heads "$remote" "$branch" >/dev/null 2>&1; then
  git fetch --quiet --no-tags --depth=1 "$remote" "refs/heads/$branch"
  git worktree add --quiet --detach "$pages" FETCH_HEAD
  parent=$(git -C "$pages" rev-parse HEAD)
  echo "publish: restored $branch at ${parent:0:12} from $remote"
else
  git worktree add --quiet --detach "$pages"
  git -C "$pages" checkout --quiet --orphan "publish-orphan-$$"
  git -C "$pages" rm -r --quiet --force --ignore-unmatch .
  echo "publish: $remote has no $branch branch yet; starting it"
fi
# GitHub Pages would otherwise run Jekyll over the tree.
touch "$pages/.nojekyll"

# 2. Publish. PUBLISH_ARGS is split on spaces on purpose.
# shellcheck disable=SC2086
"$shiftbook" publish -s "$site" --dest "$pages" ${PUBLISH_ARGS:-}

# 3. Commit and push.
git -C "$pages" add --all
if git -C "$pages" diff --cached --quiet; then
  echo "publish: nothing changed; $branch stays as it is"
  exit 0
fi
source_rev=$(git rev-parse --short HEAD)
git -C "$pages" \
  -c user.name="${GIT_COMMITTER_NAME:-shiftbook publish}" \
  -c user.email="${GIT_COMMITTER_EMAIL:-41898282+github-actions[bot]@users.noreply.github.com}" \
  commit --quiet --no-verify -m "Publish the site from $source_rev" \
  -m "$("$shiftbook" publish --dest "$pages" --list)"
git -C "$pages" push --quiet "$remote" "HEAD:refs/heads/$branch"
echo "publish: pushed $(git -C "$pages" rev-parse --short HEAD) to $branch"
