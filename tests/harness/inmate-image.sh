# The cell images follow the inmate conventions: linked at IPA 0 with the
# entry at offset 0, vectors at 0x800, the parameter buffer at 0x1000
# (zero in the .bin, so that a shorter string loaded there ends in NUL),
# and image, bss and stack within the 64 KiB of the usual cell region.
# The bare ELFs start at QEMU virt's RAM base.
. "$(dirname "$0")/inmate-lib.bash"

nm=${CROSS_COMPILE:-aarch64-linux-gnu-}nm
readelf=${CROSS_COMPILE:-aarch64-linux-gnu-}readelf
command -v "$nm" >/dev/null || { echo "$nm is not installed"; exit 77; }

sym() { "$nm" "$1" | awk -v s="$2" '$3 == s { print $1 }'; }

names=$(cd "$top/inmates" && ls demos/*.c tests/*.c | sed 's|.*/||; s|\.c$||')
[ -n "$names" ] || fail "no inmate sources found"
for name in $names; do
	elf=$inmates/$name.elf bin=$inmates/$name.bin
	[ -f "$bin" ] && [ -f "$elf" ] || fail "$bin missing: run make inmates"
	[ "$(sym "$elf" __inmate_entry)" = 0000000000000000 ] ||
		fail "$name: entry not at 0"
	[ "$(sym "$elf" inmate_vectors)" = 0000000000000800 ] ||
		fail "$name: vectors not at 0x800"
	[ "$(sym "$elf" cmdline_buffer)" = 0000000000001000 ] ||
		fail "$name: parameters not at 0x1000"
	end=$((0x$(sym "$elf" __inmate_end)))
	[ $end -le $((0x10000)) ] || fail "$name: needs $end bytes, > 64 KiB"
	size=$(stat -c %s "$bin")
	[ "$size" -gt $((0x1100)) ] && [ "$size" -le $end ] ||
		fail "$name.bin has $size bytes"
	[ "$(od -An -v -tx1 -j $((0x1000)) -N 256 "$bin" | tr -d ' \n' |
		tr -d 0)" = "" ] || fail "$name.bin: parameter buffer not zero"
	# The first word is an instruction of the start-up, not data.
	[ "$(od -An -tx4 -N 4 "$bin" | tr -d ' ')" != 00000000 ] ||
		fail "$name.bin: nothing at offset 0"
	bare=$(inmate_elf "$name")
	"$readelf" -h "$bare" | grep -q 'Entry point address: *0x40000000$' ||
		fail "$name-bare.elf does not start at 0x40000000"
	echo "$name.bin: $size bytes, $end bytes with bss and stack"
done
