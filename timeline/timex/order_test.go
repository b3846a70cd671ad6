package timex

import "testing"

func TestOrderOfLocale(t *testing.T) {
	cases := []struct {
		tag  string
		want DateOrder
	}{
		{"en-US", MonthFirst},
		{"en_us.UTF-8", MonthFirst},
		{"en-PH", MonthFirst},
		{"en-GB", DayFirst},
		{"en-AU", DayFirst},
		{"en-IN", DayFirst},
		{"fr", DayFirst},
		{"de-DE", DayFirst},
		{"pt-BR", DayFirst},
		{"sr-Latn-RS", DayFirst},
		{"es-419", DayFirst},
		{"en", OrderUnknown},
		{"en-CA", OrderUnknown},
		{"fr-CA", OrderUnknown},
		{"zh-CN", OrderUnknown},
		{"ja", OrderUnknown},
		{"", OrderUnknown},
		{"x", OrderUnknown},
	}
	for _, c := range cases {
		if got := OrderOfLocale(c.tag); got != c.want {
			t.Errorf("OrderOfLocale(%q) = %v, want %v", c.tag, got, c.want)
		}
	}
}

// TestAbsoluteOfSettledDates checks that a numeric date the text settles
// is a whole date for Absolute, and one it does not settle is not.
func TestAbsoluteOfSettledDates(t *testing.T) {
	cases := []struct {
		text  string
		order DateOrder
		want  Date
		ok    bool
	}{
		{"Signed 03/04/2023.", OrderUnknown, Date{}, false},
		{"Signed 03/04/2023.", DayFirst, d(2023, 4, 3), true},
		{"Signed 03/04/2023.", MonthFirst, d(2023, 3, 4), true},
		{"Signed 03/04/2023 and 23/05/2023.", OrderUnknown, d(2023, 4, 3), true},
		{"Signed 03/04/2023 and 05/23/2023.", DayFirst, d(2023, 3, 4), true},
		{"Signed 03/04/23.", DayFirst, Date{}, false}, // a two-digit year is not a whole date
	}
	for _, c := range cases {
		exprs := FindOrder(c.text, c.order)
		if len(exprs) == 0 {
			t.Errorf("%q: nothing found", c.text)
			continue
		}
		got, ok := exprs[0].Absolute()
		if got != c.want || ok != c.ok {
			t.Errorf("%q (%v): Absolute() = %v, %v; want %v, %v", c.text, c.order, got, ok, c.want, c.ok)
		}
	}
}
