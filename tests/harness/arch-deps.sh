# The arm64 hypervisor's files form layers: no cycle in the file graph of
# hypervisor/arch/arm64 (which file uses a symbol another defines, read
# from the objects with nm), and the portable core uses no arch file but
# lib.c (scripts/arch-deps; docs/hypervisor.md, "Layers").
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
b=${B:-$top/build}
if ! ls "$b"/hypervisor/hypervisor/arch/arm64/*.o >/dev/null 2>&1; then
	echo "no hypervisor objects in $b: make hypervisor first"
	exit 77
fi
"$top"/scripts/arch-deps "$b"/hypervisor/hypervisor
