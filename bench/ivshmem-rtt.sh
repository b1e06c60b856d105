# SPDX-License-Identifier: GPL-2.0
# Runs inside the QEMU guest under -icount for bench/run, which prepends
# "rounds=N": the doorbell round trip root <-> bare-metal cell over the
# ivshmem demo link. The root's bench/load/ivshmem-echo (on CPU 1, so that
# the plugin counts its doorbell write on vCPU 1) answers each doorbell of
# bench/inmates/ivshmem-rtt.c in qemu-virt-ivshmem-demo (CPU 3); the cell
# prints the round trips, the plugin log holds both sides' markers.
set -e
warden enable /etc/warden/system.cell >/dev/null
n=0
until [ -e /dev/uio0 ]; do
	n=$((n + 1))
	[ $n -lt 100 ] || { echo "bench: no /dev/uio0"; exit 1; }
	sleep 0.1
done
taskset -c 1 /guest-run/ivshmem-echo -t 1 -n "$rounds" &
echo=$!
warden cell create /etc/warden/qemu-virt-ivshmem-demo.cell >/dev/null
warden cell load ivshmem-demo /guest-run/ivshmem-rtt.bin \
	-s "rounds=$rounds" -a 0x1000 >/dev/null
warden cell start ivshmem-demo >/dev/null
wait $echo
# where it stands, should a run hang (one did, once, under load at
# bde3983, after the echo's last answer and before the destroy's first
# console line; not seen again)
echo "bench: echo ended"
sleep 0.5
echo "bench: destroying the cell"
warden cell destroy ivshmem-demo >/dev/null
echo "bench: disabling"
warden disable >/dev/null
echo "bench: ivshmem-rtt-done"
