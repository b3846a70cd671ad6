package merge

import (
	"math"
	"slices"

	"github.com/timeline-project/timeline/timeline/words"
)

// The story's words: every term of the units numbered, weighed by how
// rare it is among them (its inverse document frequency: terms every
// report uses, "Russian", say little), and each unit's terms as a vector
// of norm 1.

// numberWeight multiplies the weight of a number of two or more digits:
// two reports that give the same figure most likely report the same
// thing (single digits are too common to tell).
const numberWeight = 3

// termTable numbers the terms of a story's units and weighs each.
type termTable struct {
	// names and idf are each term's, by number.
	names []string
	idf   []float64
	// numbers maps a term to its number.
	numbers map[string]int32
}

// termVector is a text's terms, numbered, with their weights.
type termVector struct {
	terms   []int32
	weights []float64
}

// newTermTable numbers the terms of the mentions and weighs each by the
// share of mentions that use it.
func newTermTable(ms []*Mention) *termTable {
	tt := &termTable{numbers: map[string]int32{}}
	var df []int
	for _, m := range ms {
		for _, t := range m.Terms { // a mention's terms are distinct
			id, ok := tt.numbers[t]
			if !ok {
				id = int32(len(tt.names))
				tt.numbers[t] = id
				tt.names = append(tt.names, t)
				df = append(df, 0)
			}
			df[id]++
		}
	}
	tt.idf = make([]float64, len(df))
	for id, k := range df {
		tt.idf[id] = termWeight(tt.names[id], len(ms), k)
	}
	return tt
}

// termWeight is the idf of a term that df of n mentions use. Numbers of two
// or more digits weigh numberWeight times more.
func termWeight(term string, n, df int) float64 {
	w := math.Log(1 + float64(n)/float64(max(df, 1)))
	if words.IsNumber(term) && len(term) >= 2 {
		w *= numberWeight
	}
	return w
}

// vectorOf returns the vector of the mentions' terms: each term's idf
// times one plus the log of how many of the mentions use it, the whole
// of norm 1. Terms the table does not know are left out.
func (tt *termTable) vectorOf(ms []*Mention) termVector {
	if len(ms) == 1 {
		return tt.vectorOfTerms(ms[0].Terms)
	}
	// The ids of every use of a term, sorted: each run is one term,
	// its length the uses. A map of counts costs more than the sort.
	var ids []int32
	for _, m := range ms {
		for _, t := range m.Terms {
			if id, ok := tt.numbers[t]; ok {
				ids = append(ids, id)
			}
		}
	}
	slices.Sort(ids)
	order := ids[:0]
	var counts []int
	for _, id := range ids {
		if len(order) > 0 && id == order[len(order)-1] {
			counts[len(counts)-1]++
			continue
		}
		order = append(order, id)
		counts = append(counts, 1)
	}
	v := termVector{terms: order, weights: make([]float64, len(order))}
	sq := 0.0
	for i, id := range order {
		w := tt.idf[id] * (1 + math.Log(float64(counts[i])))
		v.weights[i] = w
		sq += w * w
	}
	if sq > 0 {
		norm := math.Sqrt(sq)
		for i := range v.weights {
			v.weights[i] /= norm
		}
	}
	return v
}

// vectorOfTerms returns the vector of distinct terms: each term's idf,
// the whole of norm 1. Terms the table does not know are left out.
func (tt *termTable) vectorOfTerms(terms []string) termVector {
	v := termVector{terms: make([]int32, 0, len(terms))}
	for _, t := range terms {
		if id, ok := tt.numbers[t]; ok {
			v.terms = append(v.terms, id)
		}
	}
	slices.Sort(v.terms)
	v.weights = make([]float64, len(v.terms))
	sq := 0.0
	for i, id := range v.terms {
		v.weights[i] = tt.idf[id]
		sq += v.weights[i] * v.weights[i]
	}
	if sq > 0 {
		norm := math.Sqrt(sq)
		for i := range v.weights {
			v.weights[i] /= norm
		}
	}
	return v
}

// dot returns the dot product of two vectors, whose terms are sorted.
func (v termVector) dot(w termVector) float64 {
	s := 0.0
	for i, j := 0, 0; i < len(v.terms) && j < len(w.terms); {
		switch {
		case v.terms[i] < w.terms[j]:
			i++
		case v.terms[i] > w.terms[j]:
			j++
		default:
			s += v.weights[i] * w.weights[j]
			i++
			j++
		}
	}
	return s
}

// plus returns the sum of two vectors, whose terms are sorted.
func (v termVector) plus(w termVector) termVector {
	out := termVector{terms: make([]int32, 0, len(v.terms)+len(w.terms)), weights: make([]float64, 0, len(v.terms)+len(w.terms))}
	i, j := 0, 0
	for i < len(v.terms) || j < len(w.terms) {
		switch {
		case j == len(w.terms) || i < len(v.terms) && v.terms[i] < w.terms[j]:
			out.terms, out.weights = append(out.terms, v.terms[i]), append(out.weights, v.weights[i])
			i++
		case i == len(v.terms) || w.terms[j] < v.terms[i]:
			out.terms, out.weights = append(out.terms, w.terms[j]), append(out.weights, w.weights[j])
			j++
		default:
			out.terms, out.weights = append(out.terms, v.terms[i]), append(out.weights, v.weights[i]+w.weights[j])
			i++
			j++
		}
	}
	return out
}

// norm returns the vector's Euclidean norm.
func (v termVector) norm() float64 {
	sq := 0.0
	for _, w := range v.weights {
		sq += w * w
	}
	return math.Sqrt(sq)
}
