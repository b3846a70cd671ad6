package timex

import "testing"

// ruleCase is one sentence, its document date and what it must yield.
type ruleCase struct {
	text  string
	dct   Date
	wants []want
}

func runRuleCases(t *testing.T, cases []ruleCase) {
	t.Helper()
	for _, c := range cases {
		checkWants(t, c.text, c.dct, c.wants...)
	}
}

func TestCalendarDates(t *testing.T) {
	dct := d(2013, 3, 22)
	runRuleCases(t, []ruleCase{
		{"It happened on March 22, 2013.", dct, []want{{"March 22, 2013", "DATE", "2013-03-22"}}},
		{"It happened on 22 March 2013.", dct, []want{{"22 March 2013", "DATE", "2013-03-22"}}},
		{"He arrived on 22 March.", dct, []want{{"22 March", "DATE", "2013-03-22"}}},
		{"He arrived on the 22nd of March.", dct, []want{{"the 22nd of March", "DATE", "2013-03-22"}}},
		{"The law takes effect Aug. 7.", dct, []want{{"Aug. 7", "DATE", "2013-08-07"}}},
		{"Shares fell on Feb. 28.", dct, []want{{"Feb. 28", "DATE", "2013-02-28"}}},
		{"The vote is on April 7.", dct, []want{{"April 7", "DATE", "2013-04-07"}}},
		{"The deal closed 2013-03-22.", dct, []want{{"2013-03-22", "DATE", "2013-03-22"}}},
		{"Result 23.05.2023 here.", dct, []want{{"23.05.2023", "DATE", "2023-05-23"}}},
		{"Filed 3/22/2013 and 22/3/2013.", dct, []want{{"3/22/2013", "DATE", "2013-03-22"}, {"22/3/2013", "DATE", "2013-03-22"}}},
		{"Filed 03/04/2013.", dct, []want{{"03/04/2013", "DATE", "2013"}}},
		{"Prices rose on 3/22.", dct, []want{{"3/22", "DATE", "2013-03-22"}}},
		{"It was hot in May 2010.", dct, []want{{"May 2010", "DATE", "2010-05"}}},
		{"Microsoft will run the program through June.", dct, []want{{"June", "DATE", "2013-06"}}},
		{"The book is due to be published in May.", dct, []want{{"May", "DATE", "2013-05"}}},
		{"BP agreed to sell its stake in October.", dct, []want{{"October", "DATE", "2012-10"}}},
		{"He died last June.", dct, []want{{"last June", "DATE", "2012-06"}}},
		{"The season started in early December.", dct, []want{{"early December", "DATE", "2012-12"}}},
		{"It ended late last July.", dct, []want{{"late last July", "DATE", "2012-07"}}},
		{"Prices peaked in mid-May.", d(2013, 6, 1), []want{{"mid-May", "DATE", "2013-05"}}},
		{"The raid, early on Wednesday, May 24, hit.", d(2023, 5, 24), []want{{"early on Wednesday, May 24", "DATE", "2023-05-24"}}},
		{"They attacked this Wednesday, May 24.", d(2023, 5, 24), []want{{"this Wednesday, May 24", "DATE", "2023-05-24"}}},
	})
}

func TestYearsAndPeriods(t *testing.T) {
	dct := d(2013, 3, 22)
	runRuleCases(t, []ruleCase{
		{"He got citizenship in 2015 when war broke out.", dct, []want{{"2015", "DATE", "2015"}}},
		{"It has grown since 1990.", dct, []want{{"1990", "DATE", "1990"}}},
		{"2010 was a hard year.", dct, []want{{"2010", "DATE", "2010"}}},
		{"The pandemic of 2009-2010 killed many.", dct, []want{{"2009", "DATE", "2009"}, {"2010", "DATE", "2010"}}},
		{"The expedition of 1957-58 crossed Antarctica.", dct, []want{{"1957", "DATE", "1957"}, {"58", "DATE", "1958"}}},
		{"Netanyahu apologized for a 2010 commando raid.", dct, []want{{"2010", "DATE", "2010"}}},
		{"Budget cuts in fiscal 2013 hurt.", dct, []want{{"fiscal 2013", "DATE", "2013"}}},
		{"The budget this fiscal year is tight.", dct, []want{{"this fiscal year", "DATE", "2013"}}},
		{"Music of the 1990s and the '80s.", dct, []want{{"the 1990s", "DATE", "199"}, {"the '80s", "DATE", "198"}}},
		{"The largest conflict in the 21st century.", dct, []want{{"the 21st century", "DATE", "20"}}},
		{"A 20th-century idea.", dct, []want{{"20th-century", "DATE", "19"}}},
		{"It happened in the spring of 2012.", dct, []want{{"the spring of 2012", "DATE", "2012-SP"}}},
		{"He climbed last summer.", dct, []want{{"last summer", "DATE", "2012-SU"}}},
		{"Profit rose in the third quarter.", dct, []want{{"the third quarter", "DATE", "2012-Q3"}}},
		{"Profit will rise in the third quarter.", dct, []want{{"the third quarter", "DATE", "2013-Q3"}}},
		{"Results for Q1 2013 and the first half of 2012.", dct, []want{{"Q1 2013", "DATE", "2013-Q1"}, {"the first half of 2012", "DATE", "2012-H1"}}},
		{"Flu peaked by the end of year.", dct, []want{{"the end of year", "DATE", "2012"}}},
		{"It will be done by the end of the year.", dct, []want{{"the end of the year", "DATE", "2013"}}},
		{"Sales rose early this year.", dct, []want{{"early this year", "DATE", "2013"}}},
		{"Sales rose in early 2011.", dct, []want{{"early 2011", "DATE", "2011"}}},
	})
}

func TestRelativeDates(t *testing.T) {
	dct := d(2013, 3, 22) // a Friday
	runRuleCases(t, []ruleCase{
		{"Dr. Jhung said Friday.", dct, []want{{"Friday", "DATE", "2013-03-22"}}},
		{"He spoke Thursday.", dct, []want{{"Thursday", "DATE", "2013-03-21"}}},
		{"The game will be played on Saturday.", dct, []want{{"Saturday", "DATE", "2013-03-23"}}},
		{"He left last Monday.", dct, []want{{"last Monday", "DATE", "2013-03-18"}}},
		{"She returns next Friday.", dct, []want{{"next Friday", "DATE", "2013-03-29"}}},
		{"He said Friday afternoon that it ended.", dct, []want{{"Friday afternoon", "TIME", "2013-03-22TAF"}}},
		{"It rained yesterday and will today.", dct, []want{{"yesterday", "DATE", "2013-03-21"}, {"today", "DATE", "2013-03-22"}}},
		{"Talks resume tomorrow morning.", dct, []want{{"tomorrow morning", "TIME", "2013-03-23TMO"}}},
		{"We met last night and tonight.", dct, []want{{"last night", "TIME", "2013-03-21TNI"}, {"tonight", "TIME", "2013-03-22TNI"}}},
		{"It rose this week, and this month too.", dct, []want{{"this week", "DATE", "2013-W12"}, {"this month", "DATE", "2013-03"}}},
		{"It fell last month and last year.", dct, []want{{"last month", "DATE", "2013-02"}, {"last year", "DATE", "2012"}}},
		{"It will rise next year.", dct, []want{{"next year", "DATE", "2014"}}},
		{"Deaths were reported in the last week.", dct, []want{{"the last week", "DATE", "2013-W11"}}},
		{"Earlier this week, he resigned.", dct, []want{{"Earlier this week", "DATE", "2013-W12"}}},
		{"He left two weeks ago.", dct, []want{{"two weeks ago", "DATE", "2013-W10"}}},
		{"It began 15 months ago.", d(2023, 5, 24), []want{{"15 months ago", "DATE", "2022-02"}}},
		{"It began a year ago.", dct, []want{{"a year ago", "DATE", "2012"}}},
		{"It began two years ago.", dct, []want{{"two years ago", "DATE", "2011"}}},
		{"It began a few years ago.", dct, []want{{"a few years ago", "DATE", "PAST_REF"}}},
		{"Now prices rise; currently they are high.", dct, []want{{"Now", "DATE", "PRESENT_REF"}, {"currently", "DATE", "PRESENT_REF"}}},
		{"He recently left; in the past he stayed.", dct, []want{{"recently", "DATE", "PAST_REF"}, {"the past", "DATE", "PAST_REF"}}},
		{"In the future, robots.", dct, []want{{"the future", "DATE", "FUTURE_REF"}}},
	})
}

func TestNarrativeDates(t *testing.T) {
	dct := d(2013, 3, 22)
	runRuleCases(t, []ruleCase{
		{"The raid began on March 10. Two days later it ended.", dct, []want{{"Two days later", "DATE", "2013-03-12"}}},
		{"The raid began on March 10. The next day it ended.", dct, []want{{"The next day", "DATE", "2013-03-11"}}},
		{"It began on March 10 and ended the following day.", dct, []want{{"the following day", "DATE", "2013-03-11"}}},
		{"It began on March 10; that day was cold.", dct, []want{{"that day", "DATE", "2013-03-10"}}},
		{"It began on March 10 and ended the same day.", dct, []want{{"the same day", "DATE", "2013-03-10"}}},
		{"It began on March 10. A week later it ended.", dct, []want{{"A week later", "DATE", "2013-03-17"}}},
		{"Two days later it ended.", dct, []want{{"Two days later", "DATE", "2013-03-24"}}},
	})
}

func TestTimesOfDay(t *testing.T) {
	dct := d(2013, 3, 22)
	runRuleCases(t, []ruleCase{
		{"The match is at 15:00 GMT Saturday.", dct, []want{{"15:00 GMT Saturday", "TIME", "2013-03-23T15:00"}}},
		{"It opens at 10:30 a.m. ET.", dct, []want{{"10:30 a.m. ET", "TIME", "2013-03-22T10:30"}}},
		{"They met at 8 PM.", dct, []want{{"8 PM", "TIME", "2013-03-22T20:00"}}},
		{"They met at midnight.", dct, []want{{"midnight", "TIME", "2013-03-22T00:00"}}},
		{"Published 2023-05-23T22:33:50.746Z.", dct, []want{{"2023-05-23T22:33:50.746Z", "TIME", "2023-05-23T22:33:50"}}},
		{"He ran it in 3:07:35.", dct, []want{{"3:07:35", "DURATION", "PT3H7M35S"}}},
		{"Overnight, videos surfaced.", d(2023, 5, 24), []want{{"Overnight", "TIME", "2023-05-23TNI"}}},
		{"Drones were shot down during the previous night.", d(2023, 5, 24), []want{{"the previous night", "TIME", "2023-05-23TNI"}}},
		{"Videos were filmed in the early hours of Monday.", d(2023, 5, 24), []want{{"the early hours of Monday", "TIME", "2023-05-22TMO"}}},
		{"Clashes since Monday morning.", d(2023, 5, 24), []want{{"Monday morning", "TIME", "2023-05-22TMO"}}},
	})
}

func TestDurations(t *testing.T) {
	dct := d(2013, 3, 22)
	runRuleCases(t, []ruleCase{
		{"The fighting lasted two days.", dct, []want{{"two days", "DURATION", "P2D"}}},
		{"He has been in power for more than 20 years.", dct, []want{{"more than 20 years", "DURATION", "P20Y"}}},
		{"Over the past year, the war evolved.", dct, []want{{"the past year", "DURATION", "P1Y"}}},
		{"In the past two years it grew.", dct, []want{{"the past two years", "DURATION", "P2Y"}}},
		{"It was the worst in a decade.", dct, []want{{"a decade", "DURATION", "P10Y"}}},
		{"It took 15 months.", dct, []want{{"15 months", "DURATION", "P15M"}}},
		{"Several days passed.", dct, []want{{"Several days", "DURATION", "PXD"}}},
		{"Attacks in recent days and recent weeks.", dct, []want{{"recent days", "DURATION", "PXD"}, {"recent weeks", "DURATION", "PXW"}}},
		{"It said in recent hours.", dct, []want{{"recent hours", "DURATION", "PTXH"}}},
		{"A four-week course and a three-month delay.", dct, []want{{"four-week", "DURATION", "P4W"}, {"three-month", "DURATION", "P3M"}}},
		{"It took a mere 24 hours, then an hour.", dct, []want{{"24 hours", "DURATION", "PT24H"}, {"an hour", "DURATION", "PT1H"}}},
		{"It could take between 12 and 18 months.", dct, []want{{"12", "DURATION", "P12M"}, {"18 months", "DURATION", "P18M"}}},
		{"He stayed almost seven years.", dct, []want{{"almost seven years", "DURATION", "P7Y"}}},
		{"They blocked it for years.", dct, []want{{"years", "DURATION", "PXY"}}},
		{"It will grow in the next few months.", dct, []want{{"the next few months", "DURATION", "PXM"}}},
		{"It took a year and a half.", dct, []want{{"a year and a half", "DURATION", "P18M"}}},
	})
}

func TestSets(t *testing.T) {
	dct := d(2013, 3, 22)
	runRuleCases(t, []ruleCase{
		{"They meet every Monday.", dct, []want{{"every Monday", "SET", "XXXX-WXX-1"}}},
		{"It is published weekly and paid annually.", dct, []want{{"weekly", "SET", "P1W"}, {"annually", "SET", "P1Y"}}},
		{"He runs every morning.", dct, []want{{"every morning", "SET", "XXXX-XX-XXTMO"}}},
		{"They meet every two weeks, twice a year.", dct, []want{{"every two weeks", "SET", "P2W"}, {"twice a year", "SET", "P1Y"}}},
		{"It costs $5 million a year.", dct, []want{{"a year", "SET", "P1Y"}}},
		{"The shop is closed on Sundays.", dct, []want{{"Sundays", "SET", "XXXX-WXX-7"}}},
	})
}

func TestNotExpressions(t *testing.T) {
	checkNone(t, "Russia may respond to the attack.", "may")
	checkNone(t, "May I ask a question?", "May")
	checkNone(t, "They will march on the capital.", "march")
	checkNone(t, "Follow @Monday_news and #MondayMotivation.", "Monday")
	checkNone(t, "Shops opened on Black Friday.", "Friday")
	checkNone(t, "The Sun rose and Sat down; Wed the bride.", "Sun", "Sat", "Wed")
	checkNone(t, "They killed 70 fighters and housed 9,300 individuals.", "70", "9,300")
	checkNone(t, "Kerala Sthree Sakthi SS 366 Winners.", "366")
	checkNone(t, "Some 2000 people attended, up 5%.", "2000")
	checkNone(t, "See pic.twitter.com/2015/abc and flight A320.", "2015", "320")
	checkNone(t, "April Ryan said so.", "April")
	checkNone(t, "Half of 3/4 of them.", "3/4")
	checkNone(t, "The mother of a 22-year-old and children 6 months and older.", "22-year-old", "6 months")
}

func TestCaseRecognition(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{"The raid began in May.", d(2023, 5, 24), []want{{"May", "DATE", "2023-05"}}},
		{"Monday's raid was large.", d(2023, 5, 24), []want{{"Monday", "DATE", "2023-05-22"}}},
		{"Sun., May 21, 2023 was quiet.", d(2023, 5, 24), []want{{"Sun., May 21, 2023", "DATE", "2023-05-21"}}},
		{"Tues. afternoon it rained.", d(2023, 5, 24), nil},
	})
}

func TestMoreForms(t *testing.T) {
	dct := d(1998, 2, 13) // a Friday
	runRuleCases(t, []ruleCase{
		{"Talks began at 0800 GMT.", dct, []want{{"0800 GMT", "TIME", "1998-02-13T08:00"}}},
		{"It opens at 10 a.m. local time.", dct, []want{{"10 a.m. local time", "TIME", "1998-02-13T10:00"}}},
		{"Sales rose this past week.", dct, []want{{"this past week", "DATE", "1998-W06"}}},
		{"It was founded a decade ago.", dct, []want{{"a decade ago", "DATE", "1988"}}},
		{"It took two and a half years.", dct, []want{{"two and a half years", "DURATION", "P30M"}}},
		{"They fought over the weekend.", dct, []want{{"the weekend", "DATE", "1998-W06-WE"}}},
		{"The merger should close by year-end.", dct, []want{{"year-end", "DATE", "1998"}}},
		{"He joined in 1985 and left two years later.", dct, []want{{"two years later", "DATE", "1987"}}},
		{"Results for the quarter, which ends March 31, will improve.", dct, []want{{"March 31", "DATE", "1998-03-31"}}},
		{"Shops will close on Christmas Eve and reopen after Easter.", dct, []want{{"Christmas Eve", "DATE", "1998-12-24"}, {"Easter", "DATE", "1998-04-12"}}},
		{"Sales peaked at Thanksgiving 1997.", dct, []want{{"Thanksgiving 1997", "DATE", "1997-11-27"}}},
		{"It will rain in the morning.", dct, []want{{"the morning", "TIME", "1998-02-13TMO"}}},
	})
	checkNone(t, "A quarter of voters backed a second term.", "quarter", "second")
}

func TestSpansInOddText(t *testing.T) {
	text := "On May\u00a022,\u00a02023\r\nTuesday\u2019s raid \u2014 \x00\xff yesterday\t23.05.2023"
	fs := checkWants(t, text, d(2023, 5, 24),
		want{"May\u00a022,\u00a02023", "DATE", "2023-05-22"},
		want{"Tuesday", "DATE", "2023-05-23"},
		want{"yesterday", "DATE", "2023-05-23"},
		want{"23.05.2023", "DATE", "2023-05-23"})
	if len(fs) != 4 {
		t.Errorf("found %d expressions:%s", len(fs), describe(text, fs))
	}
}

func TestEraAt(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{" BC", true},
		{" BCE, when", true},
		{" B.C. and", true},
		{" B.C.E.", true},
		{"\u00a0AD", true},
		{" CE)", true},
		{"BC", true},
		{" ADVANCED", false},
		{" BCx", false},
		{" B..C", false},
		{" bc", false},
		{" people", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := eraAt(tt.text); got != tt.want {
			t.Errorf("eraAt(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
