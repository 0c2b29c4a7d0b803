#!/usr/bin/env bash
# Renders every HTML report of the sample caseload in headless Chromium, to look at them
# as a supervisor would: a PNG of the page on a 1200 px wide screen, a PDF printed on
# Letter paper (Chromium's default paper; A4 is chosen in the print dialog, and the style
# sheet fits both), and each PDF page as a PNG. Not run by CI.
#
# Needs the Debian packages `chromium` and `poppler-utils` (pdftoppm).
# Usage: scripts/render-html.sh [OUT-FOLDER]   (default: target/html-render)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/html-render}
mkdir -p "$out"
cargo build --quiet
cplan=target/debug/cplan
as_of=2026-11-24

# name, then the command's arguments (each gets --format html).
reports=(
  "status|status cases-sample"
  "deadlines-by-worker|deadlines cases-sample --by worker"
  "stats|stats cases-sample"
  "agenda|agenda 2026-0211 cases-sample"
  "agendas-due|agenda --due-within 60d cases-sample"
  "timeline|timeline 2026-0211 cases-sample"
  "timeline-trial-home-visit|timeline 2026-0205 cases-sample"
  "timeline-concurrent-primary|timeline 2026-0207 cases-sample"
  "timeline-closed|timeline 2026-0208 cases-sample"
  "timeline-two-episodes|timeline 2026-0210 cases-sample"
  "timeline-overdue|timeline 2026-0212 cases-sample"
)

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chrome() {
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars "$@" 2>/dev/null
}

for report in "${reports[@]}"; do
  name=${report%%|*}
  read -r -a args <<<"${report#*|}"
  status=0
  "$cplan" --as-of "$as_of" "${args[@]}" --format html >"$out/$name.html" 2>/dev/null || status=$?
  if [ "$status" -gt 1 ]; then
    echo "cplan ${args[*]} failed ($status)" >&2
    exit 1
  fi
  page="file://$(realpath "$out/$name.html")"
  chrome --screenshot="$out/$name.png" --window-size=1200,1600 "$page"
  chrome --print-to-pdf="$out/$name.pdf" --no-pdf-header-footer "$page"
  rm -f "$out/$name"-page-*.png
  pdftoppm -png -r 70 "$out/$name.pdf" "$out/$name-page"
  echo "$name: $(ls "$out/$name"-page-*.png | wc -l) printed pages"
done
# The README's picture: the top of the timeline of 2026-0211 (copy it to docs/).
chrome --screenshot="$out/readme-timeline.png" --window-size=1000,700 \
  "file://$(realpath "$out/timeline.html")"
echo "written to $out/ (README picture: $out/readme-timeline.png, for docs/timeline.png)"
