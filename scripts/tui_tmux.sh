#!/usr/bin/env bash
# Runs the real workbench TUI in a detached tmux session, sends keys, and prints the captured pane.
#
# Usage: scripts/tui_tmux.sh [--db PATH] [--size 120x36] [--wait SECONDS] [--ansi] [--keep] [KEY ...]
#   KEY is anything `tmux send-keys` understands (j, Enter, Escape, C-p, "text" ...);
#   "wait:0.5" pauses half a second; "snap" prints the pane at that point (the last one is automatic).
# Examples:
#   scripts/tui_tmux.sh --db db/demo.db 2 wait:1 y          # open the review queue, confirm the first
#   scripts/tui_tmux.sh --db db/demo.db Enter j j l snap c   # article view, move, toggle canonical
# The session is named workbench-tui-$$ and is killed at the end unless --keep is given.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
db="${WORKBENCH_DB:-db/workbench.db}"
size="120x36"
wait_start="1.5"
ansi=""
keep=""
keys=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --db) db="$2"; shift 2 ;;
        --size) size="$2"; shift 2 ;;
        --wait) wait_start="$2"; shift 2 ;;
        --ansi) ansi="-e"; shift ;;
        --keep) keep=1; shift ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) keys+=("$1"); shift ;;
    esac
done

command -v tmux >/dev/null || { echo "tui_tmux.sh: tmux is not installed (apt-get install tmux)" >&2; exit 2; }
session="workbench-tui-$$"
cols="${size%x*}"
rows="${size#*x}"
python="$here/.venv/bin/python"
[[ -x "$python" ]] || python="python3"

cleanup() { [[ -n "$keep" ]] || tmux kill-session -t "$session" 2>/dev/null || true; }
trap cleanup EXIT

tmux new-session -d -s "$session" -x "$cols" -y "$rows" \
    "cd '$here' && TERM=xterm-256color '$python' -m workbench --db '$db' tui; echo '[workbench exited]'; sleep 30"
sleep "$wait_start"

snap() { tmux capture-pane -p $ansi -t "$session"; echo "----"; }
for key in "${keys[@]+"${keys[@]}"}"; do
    case "$key" in
        wait:*) sleep "${key#wait:}" ;;
        snap) snap ;;
        *) tmux send-keys -t "$session" "$key"; sleep 0.3 ;;
    esac
done
sleep 0.5
tmux capture-pane -p $ansi -t "$session"
