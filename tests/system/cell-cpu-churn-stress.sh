# The churn of cell-cpu-churn under stress: the two-CPU cell's CPU 2
# restarts CPU 3 in a loop while CPU 3 powers itself off at once, and one
# round in three CPU 3 makes a stage-2 fault in the middle, another one in
# three CPU 2; every other round the cell is stopped by a load before it
# is destroyed; all the while the root takes its CPU 1 (not the cell's)
# offline and online again. 12 rounds here (see docs/testing.md for the
# time per round; scripts/stress-cpu-churn runs 200). After each round
# CPUs 2 and 3 are Linux's again; at the end every CPU runs a task, the
# pool is as before, and the kernel logged no warning and no RCU stall.
# expect-console: ^test-cpu-churn: CPU 0x2 restarts CPU 0x3 in a loop, fault on b
# expect-console: ^test-cpu-churn: CPU A reads unmapped IPA 0x40000000
# expect-console: ^test-cpu-churn: CPU B reads unmapped IPA 0x40000000
# expect-console: ^FATAL: data abort .* by cell "inmate-smp" on CPU 2
# expect-console: ^FATAL: data abort .* by cell "inmate-smp" on CPU 3
# expect: ^warden-test: [0-9]+ rounds \(stress\) in
# expect: ^warden-test: root CPU 1 went offline and online [1-9][0-9]* times meanwhile
# expect: ^warden-test: online 0-3, tasks ran on CPUs 0 1 2 3$
# expect: ^warden-test: pool used ([0-9]+) pages before, \1 after$
# expect: ^warden-test: RCU stalls in the kernel log: 0$
# reject: zombie
# reject: by cell "qemu-virt"
# reject: rcu.*stall
# timeout: 600
# add: tests/system/lib/wait.sh:wait.sh
# add: tests/system/lib/cpu-churn.sh:cpu-churn.sh
# slow
set -e
. /guest-run/wait.sh
. /guest-run/cpu-churn.sh

warden enable /etc/warden/qemu-virt.cell
# churn_rounds=N on the kernel command line: another number of rounds
n=$(sed -n 's/.*churn_rounds=\([0-9]*\).*/\1/p' /proc/cmdline)
churn_run ${n:-12} stress
warden disable
