# A cell's memory comes out of the middle of a 2 MiB block of the root's
# stage 2: create splits the block into a table and destroy merges it back,
# each through an invalid entry (break-before-make). A root CPU that keeps
# reading the rest of that block meanwhile may walk into the invalid entry:
# the access is retried, never reported as a fault, and the reader goes on.
# Under QEMU the reader hits the invalid entry within the first cycles (the
# TLB invalidations of 2 MiB, page by page, keep it invalid long enough);
# the hypervisor says so once. Without break-before-make there is no such
# line, without the retry the reader's CPU is parked with a FATAL report.
# add: build/tests/guest/mem-reader:mem-reader
# expect-console: ^CPU 1: IPA 0x7f910000 was invalid while the root.s stage 2 changed \(break-before-make\): access retried
# expect: ^warden-test: 20 create/destroy cycles with a reader in the block
# expect: ^mem-reader: [0-9]+ reads of 0x7f910000
# expect: ^warden-test: reader done, no fault
# reject: ^FATAL
# timeout: 300
set -e

cell=/etc/warden/qemu-virt-inmate-smp.cell

warden enable /etc/warden/qemu-virt.cell
rm -f /tmp/stop
# the root's 2 MiB block 0x7f800000-0x7f9fffff (whole in the root's RAM
# region; the one above holds the ivshmem link and is mapped by pages);
# the cell takes 64 KiB at 0x7f900000
taskset -c 1 ./mem-reader 0x7f910000 /tmp/stop >/tmp/reader.log &
reader=$!
sleep 1
for i in $(seq 20); do
	taskset -c 0 warden cell create $cell
	taskset -c 0 warden cell destroy inmate-smp
done
echo "warden-test: 20 create/destroy cycles with a reader in the block"
touch /tmp/stop
wait $reader
cat /tmp/reader.log
echo "warden-test: reader done, no fault;" \
	"retries: $(warden console | grep -c 'access retried')"
warden disable
