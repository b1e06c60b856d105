# PSCI for a cell: version 1.1; SYSTEM_OFF and SYSTEM_RESET shut the cell
# down (not the machine): the cell shows "shut down", the root and the
# machine run on, and the cell can be loaded and started again.
# gics: 3 2
# expect-console: ^probe: smc returned 65537
# expect-console: ^Cell "inmate-demo-2" shut itself down \(PSCI SYSTEM_OFF\)
# expect: ^warden-test: after SYSTEM_OFF: state shut down, root alive
# expect-console: ^Cell "inmate-demo-2" shut itself down \(PSCI SYSTEM_RESET\)
# expect: ^warden-test: after SYSTEM_RESET: state shut down, root alive
# expect: ^warden-test: started again: state running
# reject: FATAL
# timeout: 120
# add: tests/system/lib/wait.sh:wait.sh
set -e
. /guest-run/wait.sh

dir=/usr/lib/warden/inmates
warden enable /etc/warden/system.cell
warden cell create /etc/warden/qemu-virt-inmate-demo2.cell

# smc FID: test-probe issues one SMC in the cell; wait for it, then a
# second for the cell's line and the hypervisor's reaction
smc() {
	warden cell load inmate-demo-2 $dir/test-probe.bin \
		-s "probe=smc fid=$1" -a 0x1000
	base=$(cell_stat 1 vmexits_psci)
	warden cell start inmate-demo-2
	wait_for 60 "the SMC $1" stat_above 1 vmexits_psci $base
	sleep 1
}
root() {
	[ "$(taskset -c 0 cat /proc/self/stat | cut -d' ' -f39)" = 0 ] &&
		echo "root alive"
}

smc 0x84000000
smc 0x84000008
echo "warden-test: after SYSTEM_OFF: state" \
	"$(cat /sys/devices/warden/cells/1/state), $(root)"
smc 0x84000009
echo "warden-test: after SYSTEM_RESET: state" \
	"$(cat /sys/devices/warden/cells/1/state), $(root)"
warden cell load inmate-demo-2 $dir/uart-demo.bin -s "pause-ms=100" -a 0x1000
warden cell start inmate-demo-2
sleep 1
echo "warden-test: started again: state $(cat /sys/devices/warden/cells/1/state)"
warden cell destroy inmate-demo-2
warden disable
