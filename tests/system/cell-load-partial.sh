# A load that fails in the middle of an image (the second of two images,
# whose source buffer turns unreadable half way; the CLI never does that,
# the helper load-fault does) names the image, its address, region and
# how much was copied; the cell stays shut down and start is refused, also
# after a shutdown; a corrected load then starts and runs: gic-demo, not
# the first load's uart-demo, so that what shows it running is its own
# (its timer interrupts, counted by the hypervisor, and its "Timer fired"
# lines; uart-demo's "Hello" lines come from the first load). Loads
# refused before anything is copied name the image and do not mark the
# cell.
# add: build/tests/guest/load-fault:load-fault
# add: tests/system/lib/wait.sh:wait.sh
# expect: ^warden-test: good load: running
# expect: ^load-fault: load of cell "inmate-demo": Bad address
# expect: ^warden-test: torn load: .*image 2 of 2 \(8192 bytes for 0x1000 in region 1 of cell "inmate-demo", physical 0x7fa01000\) was copied only in part \([0-9]+ of 8192 bytes\): its source buffer in the caller's memory is not readable
# expect: ^warden-test: torn load: .*cell "inmate-demo" stays shut down with this image incomplete
# expect: ^warden-test: state after the torn load: shut down
# expect: ^warden-test: start refused: .*cannot start cell "inmate-demo": Invalid argument .*cell "inmate-demo" was loaded only in part \(image 2, 8192 bytes for 0x1000, failed\): load it again before starting it
# expect: ^warden-test: after shutdown, start refused: .*was loaded only in part
# expect: ^warden-test: refused load: .*image 2 of 2: address 0x20000 is in no memory region of cell "inmate-demo".*image 1: /usr/lib/warden/inmates/uart-demo.bin at 0x0 +image 2: string "pause-ms=100" at 0x20000
# expect: ^warden-test: still refused: .*was loaded only in part
# expect-console: ^Hello [0-9]+ from cell!
# expect: ^warden-test: corrected load started: running, at least 3 timer interrupts$
# expect-console: ^Timer fired, jitter:
# expect: ^warden-test: destroyed, pool as before
# timeout: 120
set -e
. /guest-run/wait.sh

cell=/etc/warden/qemu-virt-inmate-demo.cell
uart=/usr/lib/warden/inmates/uart-demo.bin

state() { cat /sys/devices/warden/cells/1/state; }

# refused LABEL COMMAND...: must fail; prints its messages on one line
refused() {
	label=$1
	shift
	if out=$("$@" 2>&1); then
		echo "warden-test: $label: succeeded"
		exit 1
	fi
	echo "warden-test: $label: $(echo "$out" | tr '\n' ' ')"
}

warden enable /etc/warden/qemu-virt.cell
pool=$(cat /sys/devices/warden/mem_pool_used)
warden cell create $cell
warden cell load inmate-demo $uart -s "pause-ms=100" -a 0x1000
warden cell start inmate-demo
echo "warden-test: good load: $(state)"

./load-fault inmate-demo
echo "warden-test: torn load: $(dmesg | grep -e 'copied only in part' \
	-e 'stays shut down' | tail -2 | tr '\n' ' ')"
echo "warden-test: state after the torn load: $(state)"
refused "start refused" warden cell start inmate-demo
warden cell shutdown inmate-demo
refused "after shutdown, start refused" warden cell start inmate-demo
# refused before anything is copied: names the image, still torn
refused "refused load" warden cell load inmate-demo $uart \
	-s "pause-ms=100" -a 0x20000
refused "still refused" warden cell start inmate-demo

warden cell load inmate-demo /usr/lib/warden/inmates/gic-demo.bin \
	-s "print-every=1" -a 0x1000
irqs=$(cell_stat 1 vmexits_virt_irq)
warden cell start inmate-demo
# the third tick's interrupt: the second's handler has printed its line
wait_for 60 "gic-demo's timer interrupts" stat_above 1 vmexits_virt_irq $((irqs + 2))
# (the count goes on growing at 10 Hz: how far depends on the host's load)
n=$(($(cell_stat 1 vmexits_virt_irq) - irqs))
[ "$n" -ge 3 ] || { echo "warden-test: only $n timer interrupts"; exit 1; }
echo "warden-test: corrected load started: $(state), at least 3 timer interrupts"
warden cell destroy inmate-demo
[ "$(cat /sys/devices/warden/mem_pool_used)" = "$pool" ]
echo "warden-test: destroyed, pool as before"
warden disable
