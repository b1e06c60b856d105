# The cell commands' grammar and the refusals that need no hypervisor:
# usage errors (status 2) say what is missing, and a file that is not a
# cell config is refused with the parser's reason before the driver is
# asked for anything.
set -u
cli=$B/host/warden
fail() { echo "FAIL: $*"; exit 1; }

check() { # expected-status expected-text args...
	local want=$1 text=$2 out rc
	shift 2
	out=$("$cli" "$@" 2>&1); rc=$?
	echo "\$ warden $*"
	echo "$out"
	[ "$rc" -eq "$want" ] || fail "warden $*: status $rc, expected $want"
	grep -qF -- "$text" <<<"$out" || fail "warden $*: no \"$text\""
}

check 2 "Usage: warden cell create CELLCONFIG" cell create
check 2 "cell load: which cell? give its ID or name" cell load
check 2 "cell load: no image given" cell load inmate-demo
check 2 "cell load: -a must follow an image or -s STRING" cell load 1 -a 0x1000
check 2 "cell load: -s needs a string" cell load 1 gic-demo.bin -s
check 2 'cell load: address "zz" is not a number' cell load 1 x.bin -a zz
check 2 "cell shutdown: takes no images" cell shutdown 1 x.bin
check 2 "cell start: which cell?" cell start
check 2 "cell destroy: too many arguments" cell destroy 1 2
check 2 "cell start: --name needs a cell name" cell start --name
check 1 "cannot open" cell create /nonexistent.cell
check 1 "qemu-virt.cell: " cell create "$B/configs/qemu-virt.cell"
echo "cell commands: all refusals as expected"
