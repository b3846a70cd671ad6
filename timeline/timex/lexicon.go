package timex

// wordID names a function word the rules look for.
type wordID uint8

const (
	wNone wordID = iota
	wThe
	wA
	wAn
	wThis
	wThat
	wThese
	wLast
	wNext
	wPast
	wPrevious
	wLatest
	wComing
	wFollowing
	wCurrent
	wUpcoming
	wRecent
	wEarly
	wEarlier
	wLate
	wLater
	wMid
	wMiddle
	wEnd
	wBeginning
	wStart
	wAgo
	wBefore
	wAfter
	wSince
	wUntil
	wBy
	wFrom
	wTo
	wIn
	wOn
	wAt
	wOf
	wDuring
	wThrough
	wBetween
	wFor
	wOver
	wWithin
	wAround
	wAbout
	wAnd
	wOr
	wEvery
	wEach
	wPer
	wOther
	wMore
	wThan
	wLess
	wFewer
	wApprox
	wNearly
	wAlmost
	wSome
	wLeast
	wUp
	wToday
	wTonight
	wYesterday
	wTomorrow
	wNow
	wNowadays
	wRecently
	wOvernight
	wNoon
	wMidnight
	wAM
	wPM
	wFiscal
	wHalf
	wSame
	wFuture
	wPresent
	wMoment
	wTime
	wHours
	wOld
	wLong
	wTimes
	wOnce
	wTwice
	wFew
	wSeveral
	wMany
	wCouple
	wDozen
	wNear
	wYear // "year" in "the year 2000", "fiscal year"
	wNight
	wDay
	wJust
	wTake
	wNamedDay // Black (Friday), Good (Friday), Super (Tuesday), ...
	wPossessive
	wQ // "Q" of "Q1"
	wEve
	wNew
)

// lexFlag marks properties of a word.
type lexFlag uint8

const (
	lexPlural   lexFlag = 1 << iota // "days", "Mondays"
	lexAbbrev                       // "Aug", "Wed": an abbreviation that may take a dot
	lexTimeZone                     // "GMT", "ET"
	lexTitle                        // "Mr", "Gov": a dot after it does not end a sentence
	lexDecade                       // "nineties": a decade of the 20th century, its number the decade's
)

// lexeme is what the lexicon knows of one lower-case word.
type lexeme struct {
	word    wordID
	month   int8
	weekday int8
	season  int8
	ordinal int8
	unit    unit
	set     unit // a set adverb: "daily" is unitDay
	long    unit // an adjective of one unit's length: "yearlong" is unitYear
	number  int16
	pod     partOfDay
	holiday holiday
	tense   Tense
	flags   lexFlag
}

// startsExpression reports whether a rule can start at a word: most
// words, and prepositions like "in" and "on", never start one.
func (l *lexeme) startsExpression() bool {
	if l.month != 0 || l.weekday != 0 || l.season != 0 || l.ordinal != 0 || l.unit != unitNone ||
		l.set != unitNone || l.long != unitNone || l.number != 0 || l.pod != podNone || l.holiday != holNone {
		return true
	}
	switch l.word {
	case wNone, wIn, wOn, wOf, wTo, wFor, wBy, wAnd, wOr, wFrom, wSince, wUntil, wBefore, wAfter,
		wDuring, wThrough, wBetween, wWithin, wAgo, wThan, wLeast, wOther, wOld, wLong, wTimes,
		wPossessive, wTake, wNear, wEve, wAM, wPM, wFuture, wPresent,
		wMoment, wTime, wSame:
		return false
	}
	return true
}

// lexicon maps lower-case words to what the rules know of them. It is
// read-only.
var lexicon = map[string]lexeme{
	"january": {month: 1}, "february": {month: 2}, "march": {month: 3}, "april": {month: 4},
	"may": {month: 5}, "june": {month: 6}, "july": {month: 7}, "august": {month: 8},
	"september": {month: 9}, "october": {month: 10}, "november": {month: 11}, "december": {month: 12},
	"jan": {month: 1, flags: lexAbbrev}, "feb": {month: 2, flags: lexAbbrev}, "mar": {month: 3, flags: lexAbbrev},
	"apr": {month: 4, flags: lexAbbrev}, "jun": {month: 6, flags: lexAbbrev}, "jul": {month: 7, flags: lexAbbrev},
	"aug": {month: 8, flags: lexAbbrev}, "sep": {month: 9, flags: lexAbbrev}, "sept": {month: 9, flags: lexAbbrev},
	"oct": {month: 10, flags: lexAbbrev}, "nov": {month: 11, flags: lexAbbrev}, "dec": {month: 12, flags: lexAbbrev},

	"monday": {weekday: 1}, "tuesday": {weekday: 2}, "wednesday": {weekday: 3}, "thursday": {weekday: 4},
	"friday": {weekday: 5}, "saturday": {weekday: 6}, "sunday": {weekday: 7},
	"mondays": {weekday: 1, flags: lexPlural}, "tuesdays": {weekday: 2, flags: lexPlural},
	"wednesdays": {weekday: 3, flags: lexPlural}, "thursdays": {weekday: 4, flags: lexPlural},
	"fridays": {weekday: 5, flags: lexPlural}, "saturdays": {weekday: 6, flags: lexPlural},
	"sundays": {weekday: 7, flags: lexPlural},

	"mon": {weekday: 1, flags: lexAbbrev}, "tue": {weekday: 2, flags: lexAbbrev}, "tues": {weekday: 2, flags: lexAbbrev},
	"wed": {weekday: 3, flags: lexAbbrev}, "thu": {weekday: 4, flags: lexAbbrev}, "thur": {weekday: 4, flags: lexAbbrev},
	"thurs": {weekday: 4, flags: lexAbbrev}, "fri": {weekday: 5, flags: lexAbbrev}, "sat": {weekday: 6, flags: lexAbbrev},
	"sun": {weekday: 7, flags: lexAbbrev},

	"second": {unit: unitSecond, ordinal: 2}, "seconds": {unit: unitSecond, flags: lexPlural},
	"minute": {unit: unitMinute}, "minutes": {unit: unitMinute, flags: lexPlural},
	"hour": {unit: unitHour}, "hours": {unit: unitHour, word: wHours, flags: lexPlural},
	"hr": {unit: unitHour}, "hrs": {unit: unitHour, flags: lexPlural},
	"day": {unit: unitDay, word: wDay}, "days": {unit: unitDay, flags: lexPlural},
	"weekend": {unit: unitWeekend}, "weekends": {unit: unitWeekend, flags: lexPlural},
	"week": {unit: unitWeek}, "weeks": {unit: unitWeek, flags: lexPlural},
	"fortnight": {unit: unitFortnight}, "fortnights": {unit: unitFortnight, flags: lexPlural},
	"month": {unit: unitMonth}, "months": {unit: unitMonth, flags: lexPlural},
	"quarter": {unit: unitQuarter}, "quarters": {unit: unitQuarter, flags: lexPlural},
	"year": {unit: unitYear, word: wYear}, "years": {unit: unitYear, flags: lexPlural},
	"yr": {unit: unitYear}, "yrs": {unit: unitYear, flags: lexPlural},
	"decade": {unit: unitDecade}, "decades": {unit: unitDecade, flags: lexPlural},
	"century": {unit: unitCentury}, "centuries": {unit: unitCentury, flags: lexPlural},

	"morning": {pod: podMorning}, "mornings": {pod: podMorning, flags: lexPlural},
	"afternoon": {pod: podAfternoon}, "afternoons": {pod: podAfternoon, flags: lexPlural},
	"evening": {pod: podEvening}, "evenings": {pod: podEvening, flags: lexPlural},
	"night": {pod: podNight, word: wNight}, "nights": {pod: podNight, flags: lexPlural},
	"dawn": {pod: podEarlyMorning}, "daybreak": {pod: podEarlyMorning}, "dusk": {pod: podEvening},
	"overnight":  {word: wOvernight, pod: podOvernight},
	"midmorning": {pod: podMorning}, "midafternoon": {pod: podAfternoon},

	"spring": {season: 1}, "summer": {season: 2}, "autumn": {season: 3}, "fall": {season: 3}, "winter": {season: 4},

	"one": {number: 1}, "two": {number: 2}, "three": {number: 3}, "four": {number: 4}, "five": {number: 5},
	"six": {number: 6}, "seven": {number: 7}, "eight": {number: 8}, "nine": {number: 9}, "ten": {number: 10},
	"eleven": {number: 11}, "twelve": {number: 12}, "thirteen": {number: 13}, "fourteen": {number: 14},
	"fifteen": {number: 15}, "sixteen": {number: 16}, "seventeen": {number: 17}, "eighteen": {number: 18},
	"nineteen": {number: 19}, "twenty": {number: 20}, "thirty": {number: 30}, "forty": {number: 40},
	"fifty": {number: 50}, "sixty": {number: 60}, "seventy": {number: 70}, "eighty": {number: 80},
	"ninety": {number: 90}, "hundred": {number: 100}, "thousand": {number: 1000},

	"twenties": {number: 20, flags: lexDecade}, "thirties": {number: 30, flags: lexDecade},
	"forties": {number: 40, flags: lexDecade}, "fifties": {number: 50, flags: lexDecade},
	"sixties": {number: 60, flags: lexDecade}, "seventies": {number: 70, flags: lexDecade},
	"eighties": {number: 80, flags: lexDecade}, "nineties": {number: 90, flags: lexDecade},

	"first": {ordinal: 1}, "third": {ordinal: 3}, "fourth": {ordinal: 4}, "fifth": {ordinal: 5},
	"sixth": {ordinal: 6}, "seventh": {ordinal: 7}, "eighth": {ordinal: 8}, "ninth": {ordinal: 9},
	"tenth": {ordinal: 10}, "eleventh": {ordinal: 11}, "twelfth": {ordinal: 12}, "thirteenth": {ordinal: 13},
	"fourteenth": {ordinal: 14}, "fifteenth": {ordinal: 15}, "sixteenth": {ordinal: 16},
	"seventeenth": {ordinal: 17}, "eighteenth": {ordinal: 18}, "nineteenth": {ordinal: 19},
	"twentieth": {ordinal: 20}, "thirtieth": {ordinal: 30},

	"the": {word: wThe}, "a": {word: wA}, "an": {word: wAn}, "this": {word: wThis}, "that": {word: wThat},
	"these": {word: wThese}, "last": {word: wLast, tense: TensePast}, "next": {word: wNext, tense: TenseFuture},
	"past": {word: wPast}, "previous": {word: wPrevious}, "prior": {word: wPrevious}, "latest": {word: wLatest}, "coming": {word: wComing},
	"following": {word: wFollowing}, "current": {word: wCurrent}, "upcoming": {word: wUpcoming, tense: TenseFuture},
	"recent": {word: wRecent}, "early": {word: wEarly}, "earlier": {word: wEarlier}, "late": {word: wLate},
	"later": {word: wLater}, "mid": {word: wMid}, "middle": {word: wMiddle}, "end": {word: wEnd},
	"beginning": {word: wBeginning}, "start": {word: wStart}, "ago": {word: wAgo, tense: TensePast},
	"before": {word: wBefore}, "after": {word: wAfter}, "since": {word: wSince}, "until": {word: wUntil},
	"till": {word: wUntil}, "by": {word: wBy}, "from": {word: wFrom}, "to": {word: wTo}, "in": {word: wIn},
	"on": {word: wOn}, "at": {word: wAt}, "of": {word: wOf}, "during": {word: wDuring},
	"through": {word: wThrough}, "throughout": {word: wThrough}, "between": {word: wBetween},
	"for": {word: wFor}, "over": {word: wOver}, "within": {word: wWithin}, "around": {word: wAround},
	"about": {word: wAbout}, "and": {word: wAnd}, "or": {word: wOr}, "every": {word: wEvery},
	"each": {word: wEach}, "per": {word: wPer}, "other": {word: wOther}, "more": {word: wMore},
	"than": {word: wThan}, "less": {word: wLess}, "fewer": {word: wFewer}, "approximately": {word: wApprox},
	"roughly": {word: wApprox}, "nearly": {word: wNearly}, "almost": {word: wAlmost}, "some": {word: wSome},
	"least": {word: wLeast}, "up": {word: wUp}, "today": {word: wToday}, "tonight": {word: wTonight},
	"yesterday": {word: wYesterday, tense: TensePast}, "tomorrow": {word: wTomorrow, tense: TenseFuture},
	"now": {word: wNow}, "currently": {word: wNow}, "presently": {word: wNow}, "nowadays": {word: wNowadays},
	"recently": {word: wRecently}, "lately": {word: wRecently}, "noon": {word: wNoon}, "midday": {word: wNoon},
	"midnight": {word: wMidnight}, "am": {word: wAM}, "pm": {word: wPM}, "fiscal": {word: wFiscal},
	"half": {word: wHalf}, "same": {word: wSame}, "future": {word: wFuture}, "present": {word: wPresent},
	"moment": {word: wMoment}, "time": {word: wTime}, "old": {word: wOld}, "long": {word: wLong},
	"times": {word: wTimes}, "once": {word: wOnce}, "twice": {word: wTwice}, "few": {word: wFew},
	"several": {word: wSeveral}, "many": {word: wMany}, "couple": {word: wCouple}, "dozen": {word: wDozen, number: 12},
	"near": {word: wNear}, "just": {word: wJust},
	"his": {word: wPossessive}, "her": {word: wPossessive}, "its": {word: wPossessive},
	"their": {word: wPossessive}, "our": {word: wPossessive}, "my": {word: wPossessive}, "your": {word: wPossessive},
	"q": {word: wQ}, "eve": {word: wEve}, "new": {word: wNew},
	"christmas": {holiday: holChristmas}, "thanksgiving": {holiday: holThanksgiving},
	"halloween": {holiday: holHalloween}, "easter": {holiday: holEaster, word: wNamedDay},
	"independence": {holiday: holIndependence}, "valentine": {holiday: holValentine},
	"labor": {holiday: holLabor}, "labour": {holiday: holLabor}, "memorial": {holiday: holMemorial},
	"veterans": {holiday: holVeterans}, "boxing": {holiday: holBoxing},
	"election": {holiday: holElection},
	"take":     {word: wTake}, "takes": {word: wTake}, "took": {word: wTake, tense: TensePast},
	"taken": {word: wTake}, "taking": {word: wTake},

	"yearlong": {long: unitYear}, "monthlong": {long: unitMonth}, "weeklong": {long: unitWeek},
	"daylong": {long: unitDay}, "hourlong": {long: unitHour},

	"daily": {set: unitDay}, "weekly": {set: unitWeek}, "monthly": {set: unitMonth}, "yearly": {set: unitYear},
	"annually": {set: unitYear}, "hourly": {set: unitHour}, "nightly": {set: unitDay, pod: podNight},
	"quarterly": {set: unitQuarter}, "biweekly": {set: unitFortnight},

	"gmt": {flags: lexTimeZone}, "utc": {flags: lexTimeZone}, "et": {flags: lexTimeZone},
	"est": {flags: lexTimeZone}, "edt": {flags: lexTimeZone}, "ct": {flags: lexTimeZone},
	"cst": {flags: lexTimeZone}, "cdt": {flags: lexTimeZone}, "mt": {flags: lexTimeZone},
	"mst": {flags: lexTimeZone}, "mdt": {flags: lexTimeZone}, "pt": {flags: lexTimeZone},
	"pst": {flags: lexTimeZone}, "pdt": {flags: lexTimeZone}, "bst": {flags: lexTimeZone},
	"cet": {flags: lexTimeZone}, "cest": {flags: lexTimeZone}, "msk": {flags: lexTimeZone},
	"eet": {flags: lexTimeZone}, "eest": {flags: lexTimeZone}, "jst": {flags: lexTimeZone},
	"aest": {flags: lexTimeZone}, "hkt": {flags: lexTimeZone}, "wib": {flags: lexTimeZone},

	"mr": {flags: lexTitle}, "mrs": {flags: lexTitle}, "ms": {flags: lexTitle}, "dr": {flags: lexTitle},
	"st": {flags: lexTitle}, "jr": {flags: lexTitle}, "sr": {flags: lexTitle}, "gov": {flags: lexTitle},
	"sen": {flags: lexTitle}, "rep": {flags: lexTitle}, "gen": {flags: lexTitle}, "col": {flags: lexTitle},
	"lt": {flags: lexTitle}, "sgt": {flags: lexTitle}, "capt": {flags: lexTitle}, "maj": {flags: lexTitle},
	"adm": {flags: lexTitle}, "prof": {flags: lexTitle}, "inc": {flags: lexTitle}, "corp": {flags: lexTitle},
	"co": {flags: lexTitle}, "ltd": {flags: lexTitle}, "no": {flags: lexTitle}, "vs": {flags: lexTitle},
	"etc": {flags: lexTitle}, "approx": {flags: lexTitle}, "ft": {flags: lexTitle},

	"black": {word: wNamedDay}, "cyber": {word: wNamedDay}, "good": {word: wNamedDay},
	"holy": {word: wNamedDay}, "ash": {word: wNamedDay}, "super": {word: wNamedDay},
	"palm": {word: wNamedDay}, "bloody": {word: wNamedDay},
	"shrove": {word: wNamedDay}, "maundy": {word: wNamedDay}, "giving": {word: wNamedDay},
	"ruby": {word: wNamedDay}, "man": {word: wNamedDay}, "girl": {word: wNamedDay},

	"will": {tense: TenseFuture}, "would": {tense: TenseFuture}, "shall": {tense: TenseFuture}, "might": {tense: TenseFuture}, "ll": {tense: TenseFuture},
	"wo": {tense: TenseFuture}, "going": {tense: TenseFuture}, "expected": {tense: TenseFuture},
	"expect": {tense: TenseFuture}, "forecast": {tense: TenseFuture}, "forecasts": {tense: TenseFuture},
	"predicted": {tense: TenseFuture}, "predicts": {tense: TenseFuture}, "projected": {tense: TenseFuture},
	"anticipated": {tense: TenseFuture}, "anticipates": {tense: TenseFuture}, "could": {tense: TenseFuture},
	"expects": {tense: TenseFuture}, "plans": {tense: TenseFuture}, "plan": {tense: TenseFuture},
	"planning": {tense: TenseFuture}, "due": {tense: TenseFuture}, "scheduled": {tense: TenseFuture},
	"planned": {tense: TenseFuture},
	"intends": {tense: TenseFuture}, "forthcoming": {tense: TenseFuture}, "set": {tense: TenseFuture},
	"said": {tense: TensePast}, "was": {tense: TensePast}, "were": {tense: TensePast}, "had": {tense: TensePast},
	"did": {tense: TensePast}, "told": {tense: TensePast}, "been": {tense: TensePast},
	"is": {tense: TensePresent}, "are": {tense: TensePresent}, "says": {tense: TensePresent},
	"say": {tense: TensePresent},
}

// pastVerbs are irregular past-tense verbs that mark a past clause.
var pastVerbs = map[string]bool{
	"began": true, "became": true, "broke": true, "brought": true, "came": true, "chose": true,
	"drew": true, "drove": true, "fell": true, "felt": true, "fled": true, "flew": true, "fought": true,
	"found": true, "gave": true, "got": true, "grew": true, "held": true, "kept": true,
	"knew": true, "led": true, "left": true, "lost": true, "made": true, "meant": true, "met": true,
	"paid": true, "ran": true, "rose": true, "sank": true, "saw": true, "sent": true, "shot": true,
	"sold": true, "spoke": true, "spent": true, "stood": true, "stole": true, "struck": true,
	"swore": true, "thought": true, "threw": true, "took": true, "tore": true, "went": true, "withdrew": true,
	"won": true, "wrote": true, "built": true, "caught": true, "dealt": true, "forgot": true, "heard": true,
	"hid": true, "lay": true, "overtook": true, "rode": true, "seized": true, "shook": true, "slept": true,
	"taught": true, "understood": true, "woke": true,
	// short regular pasts the "-ed" rule leaves to words of five letters
	"died": true, "tied": true, "lied": true, "owed": true, "sued": true,
	// more irregular pasts of news reporting
	"sought": true, "bought": true, "laid": true, "wore": true, "bore": true, "hung": true,
	"sang": true, "rang": true, "swam": true, "lent": true, "bent": true, "swept": true, "wept": true,
	"dug": true, "slid": true, "sped": true, "bled": true, "froze": true, "forgave": true,
	"foresaw": true, "oversaw": true, "undertook": true, "underwent": true, "overcame": true,
	"arose": true, "awoke": true, "stuck": true, "swung": true, "shrank": true, "sprang": true,
	"forbade": true, "mistook": true, "withheld": true, "upheld": true,
	"overthrew": true, "overran": true, "blew": true, "ate": true, "drank": true, "clung": true,
}

// edAdjectives end in -ed but do not mark a past clause.
var edAdjectives = map[string]bool{
	"armed": true, "based": true, "red": true, "bed": true, "need": true, "speed": true, "seed": true,
	"feed": true, "united": true, "limited": true, "indeed": true, "proceed": true, "exceed": true,
	"succeed": true, "breed": true, "greed": true, "weed": true, "deed": true, "shed": true,
	"expected": true, "scheduled": true, "planned": true, "unexpected": true, "alleged": true,
	"allegedly": true, "advanced": true, "detailed": true, "concerned": true, "talented": true,
	"supposed": true, "unprecedented": true, "sophisticated": true, "dedicated": true, "related": true,
	"interested": true, "experienced": true, "skilled": true, "unverified": true, "unconfirmed": true,
	"wicked": true, "naked": true, "sacred": true, "hundred": true, "kindred": true, "bred": true,
	"sled": true, "fed": true, "wed": true, "med": true, "ted": true, "ned": true,
}
