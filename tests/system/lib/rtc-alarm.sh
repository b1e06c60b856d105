# Sourced by tests that need a real device interrupt of the root on
# demand: the RTC's alarm (pl031, INTID 34).

# rtc_irqs: how many RTC interrupts the root took, summed over its CPUs
rtc_irqs() { awk '/rtc-pl031/ { print $2 + $3 + $4 + $5 }' /proc/interrupts; }

# rtc_alarm: sets the alarm 1 s ahead; fails unless the root took an RTC
# interrupt within 30 s
rtc_alarm() {
	_rtc_before=$(rtc_irqs)
	echo 0 >/sys/class/rtc/rtc0/wakealarm
	echo +1 >/sys/class/rtc/rtc0/wakealarm
	_rtc_t=0
	while [ $(rtc_irqs) = $_rtc_before ] && [ $_rtc_t -lt 30 ]; do
		sleep 1
		_rtc_t=$((_rtc_t + 1))
	done
	[ $(rtc_irqs) -gt $_rtc_before ]
}
