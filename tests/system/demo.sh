# The scripted demo (make demo) keeps working: it runs to its end and each
# stage shows what it claims.
# add: scripts/demo.sh:demo.sh
# add: build/tests/guest/linux-cell-Image:linux-cell-Image
# add: build/tests/guest/linux-cell-initrd.gz:linux-cell-initrd.gz
# expect: ^warden-demo\$ warden config check
# expect: ^0 errors, 0 advice
# expect-console: ^Warden enabled: root cell "qemu-virt", 4 CPUs
# expect: ^0 +qemu-virt +running +0-3
# expect-console: ^Timer fired, jitter: +[0-9]+ ns, min: +[0-9]+ ns, max: +[0-9]+ ns
# expect: ^1 +inmate-demo +running +3
# expect-console: ^Destroyed cell "inmate-demo"
# expect: ^0001:00:00.0|  0001:00:00.0
# expect: ^ *[0-9]+: +[1-9][0-9]* .* Edge +ivshmem$
# expect: ^Interrupt #[1-9]
# expect: ^state\[1\] = 2$
# expect-console: ^IVSHMEM: got interrupt [0-9]+ \(#[1-9]
# expect-console: linux-cell: run 0: a task ran on CPU 1
# expect: linux-cell: run 0: a task ran on CPU 1
# expect: ^Linux 6\.1\.
# expect-console: ^Cell "linux-demo" shut itself down
# expect: ^[0-9]+ +linux-demo +shut down +2-3
# expect: ^0-3$
# expect-console: ^ Releasing CPU 0
# expect: ^=== Demo finished ===
set -e
sh demo.sh
