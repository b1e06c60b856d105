# Under load (a busy loop per CPU, tasks moved between CPUs all the time)
# the root's timer interrupts and IPIs keep arriving on every CPU through
# the hypervisor, and sleeping keeps time.
# expect: ^warden-test: timer ticks on every CPU: 0 1 2 3
# expect: ^warden-test: IPIs on every CPU: 0 1 2 3
# expect: ^warden-test: 40 migrations done
# expect: ^warden-test: sleep 2 under load took at least 2 s
# expect: ^warden-test: injected interrupts grew on every CPU
# timeout: 240
set -e

col() { awk -v pat="$1" -v c=$2 '$0 ~ pat { print $(c + 2); exit }' /proc/interrupts; }
virq() { warden hypercall 7 $1 1005 | cut -d' ' -f1; }

warden enable /etc/warden/qemu-virt.cell
for c in 0 1 2 3; do
	eval t0_$c=$(col arch_timer $c) i0_$c=$(col 'Function call' $c) v0_$c=$(virq $c)
done
pids=
for c in 0 1 2 3; do
	taskset -c $c sh -c 'while :; do :; done' &
	pids="$pids $!"
done
n=0
while [ $n -lt 40 ]; do
	taskset -c $((n % 4)) true
	n=$((n + 1))
done
echo "warden-test: 40 migrations done"
t0=$(date +%s)
sleep 2
t1=$(date +%s)
kill $pids
# Not early: the timer is not lost or doubled. How late depends on the
# host's load under TCG, so only a hang (30 s) counts as late.
# (Two commands: under set -e, a failing first of "A && B" passes.)
[ $((t1 - t0)) -ge 2 ]
[ $((t1 - t0)) -le 30 ]
echo "warden-test: sleep 2 under load took at least 2 s"

ticks= ipis= virqs=
for c in 0 1 2 3; do
	eval t=\$t0_$c i=\$i0_$c v=\$v0_$c
	[ $(col arch_timer $c) -gt $t ] && ticks="$ticks $c"
	[ $(col 'Function call' $c) -gt $i ] && ipis="$ipis $c"
	[ $(virq $c) -gt $v ] && virqs="$virqs $c"
done
echo "warden-test: timer ticks on every CPU:$ticks"
echo "warden-test: IPIs on every CPU:$ipis"
[ "$virqs" = " 0 1 2 3" ]
echo "warden-test: injected interrupts grew on every CPU"
warden disable
