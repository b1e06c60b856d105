# The inmate library's 8250 console, on the Raspberry Pi 4's mini UART
# (QEMU 10's raspi4b, its second serial port; 8250 registers 32 bits and 4
# bytes apart at 0xfe215040): bare uart-demo, dropped from EL2 to EL1 by
# the library, is told by a hand-made comm page (testing parameter
# comm-region=ADDR) that its console is that UART, and its lines must
# come out there, not on the PL011 (the first serial port).
. "$(dirname "$0")/inmate-lib.bash"

rpi=$B/rpi4
[ -f "$rpi/.complete" ] ||
	{ echo "QEMU 10 for raspi4b is not fetched (scripts/deps.sh --rpi4)"; exit 77; }
COMM=0x40f00000

le() { # VALUE BYTES: little-endian bytes as printf escapes
	local v=$1 i
	for ((i = 0; i < $2; i++)); do
		printf '\\x%02x' $(((v >> (8 * i)) & 0xff))
	done
}

# comm_page: revision-2 layout (include/warden/comm-region.h), console
# 8250 at the mini UART, MMIO, REGDIST_4; the Pi's GIC-400.
comm_page() {
	printf 'JHCOMM'
	printf "$(le 2 2)$(le 0 4)$(le 0 4)$(le 0 4)$(le 0 4)"
	printf "$(le 0xfe215040 8)"          # console.address
	printf "$(le 0x40 4)"                # console.size
	printf "$(le 2 2)"                   # console.type 8250
	printf "$(le 3 2)"                   # console.flags MMIO | REGDIST_4
	printf "$(le 0 4)$(le 0 4)$(le 0 8)" # divider, gate_nr, clock_reg
	printf "$(le 0 8)"                   # pci_mmconfig_base
	printf "$(le 2 8)"                   # gic_version 2, padding
	printf "$(le 0xff841000 8)"          # gicd_base
	printf "$(le 0xff842000 8)"          # gicc_base
	printf "$(le 0 8)"                   # gicr_base
	printf "$(le 0 4)"                   # vpci_irq_base
}

comm_page >"$tmp/comm"
printf '%s\0' "comm-region=$COMM count=3 pause-ms=1" >"$tmp/params"
need "$inmates/uart-demo-bare.elf"
export QEMU_MODULE_DIR=$rpi/root/usr/lib/x86_64-linux-gnu/qemu
timeout 30 "$rpi/root/usr/bin/qemu-system-aarch64" -L "$rpi/root/usr/share/qemu" \
	-machine raspi4b -display none -monitor none -no-reboot \
	-serial "file:$tmp/pl011" -serial "file:$tmp/mini" \
	-kernel "$inmates/uart-demo-bare.elf" \
	-device loader,file="$tmp/params",addr=0x40001000 \
	-device loader,file="$tmp/comm",addr=$COMM 2>"$tmp/err" &
pid=$!
for _ in $(seq 100); do
	grep -q 'uart-demo: done' "$tmp/mini" 2>/dev/null && break
	kill -0 $pid 2>/dev/null || break
	sleep 0.2
done
kill $pid 2>/dev/null
wait $pid 2>/dev/null
echo "--- mini UART:"
tr -d '\r' <"$tmp/mini" | tee "$tmp/mini.txt"
echo "--- PL011:"
tr -d '\r' <"$tmp/pl011" | tee "$tmp/pl011.txt"
for n in 1 2 3; do
	grep -qx "Hello $n from cell!" "$tmp/mini.txt" ||
		fail "line $n not on the mini UART"
done
grep -qx 'uart-demo: done after 3 lines' "$tmp/mini.txt" ||
	fail "no end line on the mini UART"
grep -q 'Hello' "$tmp/pl011.txt" && fail "lines on the PL011 too"
echo "3 lines and the end on the mini UART (8250, 32-bit registers), none on the PL011"
