# include/jailhouse/*.h compile on their own in each place they are used:
# the host (gcc, clang), the freestanding hypervisor (aarch64, -nostdinc,
# only the compiler's headers) and config sources (aarch64 with libc
# headers), all with -Wall -Wextra -Werror.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cross=${CROSS_COMPILE:-aarch64-linux-gnu-}gcc
fails=0
freestanding=(-ffreestanding -nostdinc -isystem "$($cross -print-file-name=include)")
for h in types console cell-config; do
	echo "#include <jailhouse/$h.h>" >"$tmp/$h.c"
	for cc in "gcc" "clang" "$cross" "$cross ${freestanding[*]}"; do
		command -v "${cc%% *}" >/dev/null || { echo "no ${cc%% *}, not tried"; continue; }
		if $cc -std=gnu11 -Wall -Wextra -Werror -I"$top/include" \
			-c "$tmp/$h.c" -o "$tmp/$h.o"; then
			echo "ok: jailhouse/$h.h with $cc"
		else
			echo "FAIL: jailhouse/$h.h with $cc"
			fails=$((fails + 1))
		fi
	done
done
[ $fails -eq 0 ]
