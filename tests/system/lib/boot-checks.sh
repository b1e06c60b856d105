# Sourced by the boot tests of other machines (hv-gicv2, rpi4-boot).
# cpus_take_timer: every CPU takes timer interrupts through the GIC and
# runs a task; prints "warden-test: cpus 0 1 2 3 took timer interrupts
# and ran a task" or fails.
cpus_take_timer() {
	_counts() { grep 'arch_timer' /proc/interrupts | head -n1 | awk '{print $2, $3, $4, $5}'; }
	_before=$(_counts)
	_cpus=
	for _c in 0 1 2 3; do
		_ran=$(taskset -c $_c sh -c 'sleep 0.2; cut -d" " -f39 /proc/self/stat')
		[ "$_ran" = $_c ] || return 1
		_cpus="$_cpus $_c"
	done
	_after=$(_counts)
	if [ -z "$_before" ] || [ -z "$_after" ]; then
		echo "warden-test: no arch_timer line in /proc/interrupts to count"
		return 1
	fi
	set -- $_before
	for _a in $_after; do
		[ "$_a" -gt "$1" ] || { echo "warden-test: timer counts $_before -> $_after"; return 1; }
		shift
	done
	echo "warden-test: cpus$_cpus took timer interrupts and ran a task"
}

# driver_loaded: the driver is there, and which system config the
# machine's /etc/warden/system.cell names.
driver_loaded() {
	[ -e /sys/devices/warden/enabled ] || return 1
	echo "warden-test: driver loaded, enabled: $(cat /sys/devices/warden/enabled)"
	echo "warden-test: system.cell -> $(readlink /etc/warden/system.cell)"
}
