# SPDX-License-Identifier: GPL-2.0
#
# Sourced by bench/run: JSON strings from shell values. The commands and
# notes hold quotes (--qemu-opts '...', "rounds=1000"), backslashes and
# maybe control characters, which a JSON string must escape (RFC 8259, 7).

# json_str VALUE: prints VALUE as a JSON string, quotes included.
json_str() {
	local s=$1 i c
	s=${s//\\/\\\\}
	s=${s//\"/\\\"}
	s=${s//$'\n'/\\n}
	s=${s//$'\t'/\\t}
	s=${s//$'\r'/\\r}
	# the other control characters, which have no short escape
	for ((i = 1; i < 32; i++)); do
		printf -v c "\\x$(printf %02x "$i")"
		[[ $s == *"$c"* ]] && s=${s//"$c"/$(printf '\\u%04x' "$i")}
	done
	printf '"%s"' "$s"
}
