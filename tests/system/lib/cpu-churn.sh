# Sourced by the CPU churn tests, after wait.sh: churn_run ROUNDS MODE
# creates, loads, starts and destroys the two-CPU cell inmate-smp (CPUs 2
# and 3) ROUNDS times with test-cpu-churn, whose CPU 2 calls PSCI CPU_ON
# for CPU 3 in a loop while CPU 3 powers itself off as soon as it runs.
# Each destroy (or load) meets CPU 2 inside its CPU_ON and CPU 3 parked or
# starting. MODE "plain" churns only; "stress" also makes CPU 3 (one
# round in three) or CPU 2 (another one in three) fault in the middle,
# stops the cell with a load (set loadable) before destroying it every
# other round, and takes root CPU 1 offline and online all the while.
# After each round CPUs 2 and 3 must be Linux's again (online, running a
# task); at the end every CPU runs a task, the hypervisor's pool is as
# before and the kernel logged no RCU stall. Prints one line per check,
# the time the rounds took, and a progress line every 10 rounds.
churn_dir=/usr/lib/warden/inmates
churn_cell=/etc/warden/qemu-virt-inmate-smp.cell

failed_is() {
	[ "$(cat /sys/devices/warden/cells/$1/cpus_failed_list)" = "$2" ]
}

churn_runs_on() {
	[ "$(taskset -c $1 cat /proc/self/stat | cut -d' ' -f39)" = $1 ]
}

# Root CPU 1 off and on, with pauses: a loop without them holds Linux'
# hotplug lock nearly all the time and starves the driver's own offlining.
# On a loaded host Linux may give up waiting for CPU 1's CPU_OFF (it logs
# "may not have shut down cleanly") and fail to online it while the CPU
# is still on its way there: online is retried.
churn_hotplug() {
	set +e
	_n=0
	while [ ! -e /tmp/churn-stop ]; do
		echo 0 >/sys/devices/system/cpu/cpu1/online
		sleep 0.2
		_try=0
		until echo 1 >/sys/devices/system/cpu/cpu1/online ||
		      [ $_try -ge 50 ]; do
			_try=$((_try + 1))
			sleep 0.2
		done
		_n=$((_n + 1))
		sleep 0.2
	done 2>/dev/null
	echo $_n >/tmp/churn-hotplugs
}

# churn_create: the cell, again if the hypervisor found a CPU not yet off.
# On a loaded host Linux may give up waiting for a CPU's CPU_OFF (it logs
# "may not have shut down cleanly") before the CPU got there; the
# hypervisor then refuses the create, and the driver onlines the CPU (which
# may fail the same way: online again here, so that the driver offlines
# and later onlines it itself).
churn_create() {
	for _try in 1 2 3 4 5; do
		warden cell create $churn_cell && return 0
		sleep 1
		for _c in 2 3; do
			echo 1 >/sys/devices/system/cpu/cpu$_c/online
		done 2>/dev/null
	done
	return 1
}

# churn_round R PARAMS LOADFIRST: every step checked (|| return 1), since
# set -e does not apply in a function called in an || list
churn_round() {
	churn_create || return 1
	_id=$(cell_id inmate-smp)
	[ -n "$_id" ] || return 1
	warden cell load inmate-smp $churn_dir/test-cpu-churn.bin \
		-s "$2" -a 0x1000 || return 1
	warden cell start inmate-smp || return 1
	case $2 in
	fault=a*) _f=2 ;;
	fault=b*) _f=3 ;;
	*) _f= ;;
	esac
	# the churn until the fault (CPU 3 started after=N times before it),
	# or CPU 2's CPU_ON and CPU 3's CPU_OFF (one PSCI call each) a while
	if [ -n "$_f" ]; then
		wait_for 60 "round $1: the fault of CPU $_f" \
			failed_is $_id $_f || return 1
	else
		wait_for 60 "round $1: CPU_ON/CPU_OFF churn in the cell" \
			stat_above $_id vmexits_psci 300 || return 1
	fi
	if [ "$3" = 1 ]; then
		warden cell load inmate-smp $churn_dir/test-cpu-churn.bin \
			-s "$2" -a 0x1000 || return 1
	fi
	warden cell destroy inmate-smp || return 1
	for _c in 2 3; do
		if [ "$(cat /sys/devices/system/cpu/cpu$_c/online)" != 1 ] ||
		   ! churn_runs_on $_c; then
			echo "warden-test: round $1 ($2): CPU $_c is not" \
				"back in Linux after destroy"
			return 1
		fi
	done
}

churn_run() {
	_rounds=$1 _mode=$2
	rm -f /tmp/churn-stop /tmp/churn-hotplugs
	_pool=$(cat /sys/devices/warden/mem_pool_used)
	[ "$_mode" = stress ] && churn_hotplug &
	_t0=$(cut -d' ' -f1 /proc/uptime)
	_r=1
	while [ $_r -le $_rounds ]; do
		_p= _l=0
		if [ "$_mode" = stress ]; then
			case $((_r % 3)) in
			1) _p="fault=b after=$((1 + _r % 3))" ;;
			2) _p="fault=a after=$((1 + _r % 3))" ;;
			esac
			_l=$((_r % 2))
		fi
		if ! churn_round $_r "$_p" $_l; then
			echo "warden-test: round $_r ($_p) failed"
			break
		fi
		# progress, so that a long run that times out says how far
		# it got and at what pace, unlike one that failed
		[ $((_r % 10)) -ne 0 ] ||
			echo "warden-test: round $_r of $_rounds done after" \
				"$(awk '{ printf "%.0f", $1 - '$_t0' }' /proc/uptime) s"
		_r=$((_r + 1))
	done
	touch /tmp/churn-stop
	wait
	_t1=$(cut -d' ' -f1 /proc/uptime)
	[ $_r -gt $_rounds ] || return 1
	echo "warden-test: $_rounds rounds ($_mode) in" \
		"$(echo "$_t0 $_t1" | awk '{ printf "%.1f s, %.2f s per round", $2 - $1, ($2 - $1) / '$_rounds' }')"
	[ "$_mode" != stress ] ||
		echo "warden-test: root CPU 1 went offline and online" \
			"$(cat /tmp/churn-hotplugs) times meanwhile"
	_on=
	for _c in 0 1 2 3; do
		churn_runs_on $_c && _on="$_on $_c"
	done
	echo "warden-test: online $(cat /sys/devices/system/cpu/online)," \
		"tasks ran on CPUs$_on"
	echo "warden-test: pool used $_pool pages before," \
		"$(cat /sys/devices/warden/mem_pool_used) after"
	echo "warden-test: RCU stalls in the kernel log:" \
		"$(dmesg | grep -c 'rcu.*stall')"
}
