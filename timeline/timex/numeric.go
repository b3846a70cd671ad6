package timex

// numericForm is how a numeric date or time is written.
type numericForm uint8

const (
	formNone    numericForm = iota
	formISO                 // 2023-05-23, 2023-05-23T22:33:50.746Z, 2023/05/23
	formDotted              // 23.05.2023, day first
	formSlashed             // 3/22/2013, 22/3/2013, 3/22, 22-03-2013: day or month first
	formClock               // 10:30, 15:00:05
)

// numeric is a numeric date or clock time as printed.
type numeric struct {
	form          numericForm
	year          int  // 0 when not printed
	first, second int  // formSlashed: the two parts before the year, as printed
	month, day    int  // formISO, formDotted
	hasTime       bool // a time of day was printed: hour, minute, sec
	hour          int8
	minute        int8
	sec           int8
	hasSec        bool // seconds were printed
	years2        bool // formSlashed: the year had two digits
}

// digitRun returns the value and length of the run of digits at s[i:],
// reading at most max digits.
func digitRun(s string, i, max int) (v, n int) {
	for i+n < len(s) && n < max && isDigit(s[i+n]) {
		v = v*10 + int(s[i+n]-'0')
		n++
	}
	return v, n
}

// scanNumeric reads a numeric date or clock time at s[p:], which starts
// with a digit, and returns it with the offset after it.
func scanNumeric(s string, p int) (numeric, int, bool) {
	if !numericLeftEdge(s, p) {
		return numeric{}, 0, false
	}
	_, run := digitRun(s, p, 5)
	var nd numeric
	end := 0
	switch {
	case run == 4:
		nd, end = scanISO(s, p)
	case run <= 2 && p+run < len(s):
		switch s[p+run] {
		case '.':
			if nd, end = scanDotted(s, p); nd.form == formNone && meridiemAt(s, p+run+3) {
				nd, end = scanClockSep(s, p, '.') // "9.30am"
			}
		case '/', '-':
			nd, end = scanSlashed(s, p)
		case ':':
			nd, end = scanClockSep(s, p, ':')
		}
	}
	if nd.form == formNone || !numericRightEdge(s, end) {
		return numeric{}, 0, false
	}
	return nd, end, true
}

// numericLeftEdge reports whether a numeric date may start at p: not
// inside a word, a path or a longer number.
func numericLeftEdge(s string, p int) bool {
	if p == 0 {
		return true
	}
	c := s[p-1]
	if isAlnum(c) || c == '_' || c == '/' || c == '\\' || c == '#' || c == '@' || c == '=' {
		return false
	}
	if (c == '.' || c == ',' || c == '-' || c == ':') && p > 1 && isDigit(s[p-2]) {
		return false
	}
	return true
}

// numericRightEdge reports whether a numeric date may end at e.
func numericRightEdge(s string, e int) bool {
	if e >= len(s) {
		return true
	}
	c := s[e]
	if (isAlnum(c) && !meridiemAt(s, e)) || c == '_' || c == '/' || c == '\\' || c == '%' {
		return false
	}
	if (c == '.' || c == ',' || c == '-' || c == ':') && e+1 < len(s) && isDigit(s[e+1]) {
		return false
	}
	return true
}

// scanISO reads 2023-05-23 with an optional time, or 2023/05/23 and
// 2023.05.23, year first.
func scanISO(s string, p int) (numeric, int) {
	y, _ := digitRun(s, p, 4)
	i := p + 4
	if i >= len(s) || (s[i] != '-' && s[i] != '/' && s[i] != '.') {
		return numeric{}, 0
	}
	sep := s[i]
	m, ok1 := fixedDigits(s, i, sep, 2)
	d, ok2 := fixedDigits(s, i+3, sep, 2)
	if !ok1 || !ok2 || m < 1 || m > 12 || d < 1 || d > 31 {
		return numeric{}, 0
	}
	nd := numeric{form: formISO, year: y, month: m, day: d}
	i += 6
	if sep == '-' && i+1 < len(s) && (s[i] == 'T' || s[i] == ' ') && isDigit(s[i+1]) {
		if c, e := scanClock(s, i+1); c.form == formClock {
			nd.hasTime, nd.hour, nd.minute, nd.sec, nd.hasSec = true, c.hour, c.minute, c.sec, c.hasSec
			i = scanZone(s, scanFraction(s, e))
		} else if s[i] == 'T' {
			return numeric{}, 0
		}
	}
	return nd, i
}

// fixedDigits reads sep followed by exactly n digits at s[i:].
func fixedDigits(s string, i int, sep byte, n int) (int, bool) {
	if i >= len(s) || s[i] != sep {
		return 0, false
	}
	v, got := digitRun(s, i+1, n+1)
	return v, got == n
}

// scanFraction skips ".746" after seconds.
func scanFraction(s string, i int) int {
	if i+1 < len(s) && s[i] == '.' && isDigit(s[i+1]) {
		_, n := digitRun(s, i+1, 9)
		return i + 1 + n
	}
	return i
}

// scanZone skips "Z", "+02:00", "-0500" after a time.
func scanZone(s string, i int) int {
	if i < len(s) && s[i] == 'Z' {
		return i + 1
	}
	if i+2 < len(s) && (s[i] == '+' || s[i] == '-') {
		if _, n := digitRun(s, i+1, 2); n == 2 {
			j := i + 3
			if j < len(s) && s[j] == ':' {
				j++
			}
			if _, n := digitRun(s, j, 3); n == 2 {
				return j + 2
			}
			return i + 3
		}
	}
	return i
}

// scanDotted reads 23.05.2023, day first.
func scanDotted(s string, p int) (numeric, int) {
	d, n1 := digitRun(s, p, 3)
	i := p + n1 + 1
	m, n2 := digitRun(s, i, 3)
	if n2 == 0 || n2 > 2 || i+n2 >= len(s) || s[i+n2] != '.' {
		return numeric{}, 0
	}
	i += n2 + 1
	y, n3 := digitRun(s, i, 5)
	if n3 != 4 || d < 1 || d > 31 || m < 1 || m > 12 {
		return numeric{}, 0
	}
	return numeric{form: formDotted, year: y, month: m, day: d}, i + 4
}

// scanSlashed reads 3/22/2013, 22/3/13 or 3/22, and with dashes
// 22-03-2013 (a four-digit year needed: "3-1" is a score).
func scanSlashed(s string, p int) (numeric, int) {
	a, n1 := digitRun(s, p, 3)
	sep := s[p+n1]
	i := p + n1 + 1
	b, n2 := digitRun(s, i, 3)
	if n2 == 0 || n2 > 2 || a < 1 || b < 1 || a > 31 || b > 31 || (a > 12 && b > 12) {
		return numeric{}, 0
	}
	i += n2
	nd := numeric{form: formSlashed, first: a, second: b}
	if i+1 < len(s) && s[i] == sep && isDigit(s[i+1]) {
		y, n3 := digitRun(s, i+1, 5)
		switch {
		case n3 == 4 && y > 0:
			nd.year = y
		case n3 == 2 && sep == '/':
			nd.year, nd.years2 = 1900+y, true
			if y < 50 {
				nd.year = 2000 + y
			}
		default:
			return numeric{}, 0
		}
		i += 1 + n3
	} else if sep == '-' {
		return numeric{}, 0
	}
	return nd, i
}

// meridiemAt reports whether "am" or "pm" (any case) follows at s[i:],
// after at most one space, as a word of its own: "10:30am", "9.30 pm".
func meridiemAt(s string, i int) bool {
	if i < len(s) && s[i] == ' ' {
		i++
	}
	if i+1 >= len(s) || (s[i]|0x20 != 'a' && s[i]|0x20 != 'p') || s[i+1]|0x20 != 'm' {
		return false
	}
	return i+2 >= len(s) || !isAlnum(s[i+2])
}

// scanClock reads 10:30 or 15:00:05.
func scanClock(s string, p int) (numeric, int) { return scanClockSep(s, p, ':') }

// scanClockSep reads a clock time whose parts sep separates.
func scanClockSep(s string, p int, sep byte) (numeric, int) {
	h, n1 := digitRun(s, p, 3)
	if n1 == 0 || n1 > 2 {
		return numeric{}, 0
	}
	m, ok := fixedDigits(s, p+n1, sep, 2)
	if !ok || h > 24 || m > 59 {
		return numeric{}, 0
	}
	nd := numeric{form: formClock, hasTime: true, hour: int8(h), minute: int8(m)}
	i := p + n1 + 3
	if sec, ok := fixedDigits(s, i, ':', 2); ok && sec <= 60 {
		nd.sec, nd.hasSec = int8(sec), true
		i += 3
	}
	return nd, i
}
