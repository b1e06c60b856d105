# The overlay path instead of mem=: the guest boots with the QEMU DTB that
# has the reserved-memory overlay of "warden config create" applied
# (tests/data/dt/qemu-virt-gicv3-warden.dtb; the harness test
# config-create checks that it is exactly that) and mem=1G, so only the
# no-map nodes keep Linux off the hypervisor's and the cells' memory.
# config create on this system finds its own reservations and uses them;
# enable, a demo cell and disable work. (The -dtb path is relative to the
# repository top, where "make check" and tests/run are started from.)
# qemu-opts: -dtb tests/data/dt/qemu-virt-gicv3-warden.dtb
# append: mem=1G
# expect: ^warden-test: cmdline .*mem=1G
# expect: ^warden-test: System RAM 40000000-6fffffff
# expect: ^hypervisor at 0x7fc00000\+0x400000, cells' memory at 0x70000000\+0xfc00000
# expect: ^note: memory as reserved by /reserved-memory/warden-hypervisor@7fc00000 and /reserved-memory/warden-cells@70000000
# expect: ^0 errors, 0 advice
# expect: ^warden-test: enabled with the generated config
# expect: ^warden-test: [1-9][0-9]* timer interrupts in the cell
# expect: ^warden-test: disabled, online 0-3
# reject: Unhandled|FAULT|refused
# timeout: 180
# add: tests/system/lib/demo-cell.sh:demo-cell.sh
set -e
. /guest-run/demo-cell.sh

cell=/etc/warden/qemu-virt-inmate-demo.cell

echo "warden-test: cmdline $(cat /proc/cmdline)"
echo "warden-test: System RAM $(grep 'System RAM' /proc/iomem | tr -d ' ' | tr '\n' ' ')"
warden config create --mem-hv 4M --mem-inmates 252M /tmp/gen.c
warden config check /tmp/gen.cell $cell
demo_cell_run /tmp/gen.cell
