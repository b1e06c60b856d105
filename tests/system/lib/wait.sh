# Sourced by system tests: wait for the state a check needs, never for a
# sleep that must be long enough (QEMU's speed follows the host's load).

# wait_for SECS WHAT CMD...: runs CMD every 0.1 s until it succeeds; after
# SECS, says what it waited for and returns 1 (which ends a set -e script).
wait_for() {
	_wait_left=$(($1 * 10)) _wait_what=$2
	shift 2
	until "$@"; do
		_wait_left=$((_wait_left - 1))
		if [ $_wait_left -le 0 ]; then
			echo "warden-test: gave up waiting for $_wait_what"
			return 1
		fi
		sleep 0.1
	done
}

# cell_id NAME: the ID of the cell named NAME (IDs are reused)
cell_id() { grep -lx "$1" /sys/devices/warden/cells/*/name | cut -d/ -f6; }
# cell_state ID / cell_stat ID NAME: a cell's state, one of its statistics
cell_state() { cat /sys/devices/warden/cells/$1/state; }
cell_stat() { cat /sys/devices/warden/cells/$1/statistics/$2; }
# state_is ID STATE / state_is_not ID STATE
state_is() { [ "$(cell_state $1)" = "$2" ]; }
state_is_not() { [ "$(cell_state $1)" != "$2" ]; }
# stat_above ID NAME N: the cell's statistic NAME is above N
stat_above() { [ "$(cell_stat $1 $2)" -gt "$3" ]; }
