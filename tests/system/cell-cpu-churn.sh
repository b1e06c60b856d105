# A cell whose CPU 2 restarts CPU 3 with PSCI CPU_ON in a loop while CPU 3
# powers itself off as soon as it runs (test-cpu-churn), created, started
# and destroyed 20 times: every destroy meets CPU 2 inside its CPU_ON and
# CPU 3 parked or starting. A CPU_ON that slips in after the hypervisor
# decided which CPUs to stop would leave CPU 3 running cell code with the
# root's rights after the destroy (the cell's CPU 3 then reports "zombie",
# and Linux cannot get the CPU back). Afterwards CPUs 2 and 3 are Linux's
# again every round, every CPU runs a task, the pool is as before.
# expect-console: ^test-cpu-churn: CPU 0x2 restarts CPU 0x3 in a loop
# expect: ^warden-test: 20 rounds \(plain\) in
# expect: ^warden-test: online 0-3, tasks ran on CPUs 0 1 2 3$
# expect: ^warden-test: pool used ([0-9]+) pages before, \1 after$
# expect: ^warden-test: RCU stalls in the kernel log: 0$
# reject: zombie
# reject: FATAL
# reject: rcu.*stall
# timeout: 400
# add: tests/system/lib/wait.sh:wait.sh
# add: tests/system/lib/cpu-churn.sh:cpu-churn.sh
set -e
. /guest-run/wait.sh
. /guest-run/cpu-churn.sh

warden enable /etc/warden/qemu-virt.cell
# churn_rounds=N on the kernel command line: another number of rounds
n=$(sed -n 's/.*churn_rounds=\([0-9]*\).*/\1/p' /proc/cmdline)
churn_run ${n:-20} plain
warden disable
