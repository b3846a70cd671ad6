package merge

import (
	"cmp"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/mat"
)

// The story's latent terms: what goes together, learnt from the story's
// own sentences. Reports of one happening seldom share their words
// ("raided the region", "the cross-border incursion", "fighting near the
// border since Monday"), but the story's sentences use such words with
// the same others. A truncated singular value decomposition of the
// story's term-by-sentence matrix (latent semantic analysis) gives each
// term a few dozen coordinates in which words used alike lie close; a
// sentence's coordinates are those of its terms, weighed. The
// decomposition is randomised (Halko, Martinsson and Tropp 2011), each
// paragraph's row of the random matrix drawn from a seed made of its
// words: the same story gives the same coordinates, in whatever order
// its paragraphs come, and a source added changes them little.

const (
	// latentDims is how many dimensions the latent model keeps.
	latentDims = 48
	// latentOversample is how many more the randomised decomposition
	// computes, for accuracy.
	latentOversample = 16
	// latentPowerIterations sharpens the decomposition of a matrix whose
	// singular values fall slowly, as text's do.
	latentPowerIterations = 4
	// latentMaxDocs bounds the paragraphs the model is learnt from; of a
	// larger story, about as many are chosen by their seeds (sampleDocs).
	latentMaxDocs = 6000
	// latentMinDocs is the fewest sentences worth a model.
	latentMinDocs = 20
)

// latentModel gives each term of a story coordinates in a space of
// latentDims dimensions.
type latentModel struct {
	dims int
	// coords holds the coordinates of term t at [t*dims, (t+1)*dims).
	coords []float64
}

// newLatentModel learns a latent model from the story's sentences,
// given as term vectors over the terms of tt, named by names. It
// returns nil when there are too few sentences to learn from.
func newLatentModel(docs []termVector, names []string) *latentModel {
	nTerms := len(names)
	if len(docs) < latentMinDocs {
		return nil
	}
	seeds := docSeeds(docs, names)
	if len(docs) > latentMaxDocs {
		docs, seeds = sampleDocs(docs, seeds)
	}
	l := min(latentDims+latentOversample, len(docs), nTerms)
	if l < 2 {
		return nil
	}
	omega := mat.NewDense(len(docs), l, nil)
	for i, seed := range seeds {
		rng := rand.New(rand.NewPCG(seed, 0x73746f7279))
		for j := range l {
			omega.Set(i, j, rng.NormFloat64())
		}
	}
	y := transposeTimes(docs, nTerms, omega) // terms × l
	for range latentPowerIterations {
		// a basis of the documents' side is enough to keep the columns
		// apart: the terms' side, many more rows, is made orthonormal once
		z := times(docs, y) // docs × l
		y = transposeTimes(docs, nTerms, orthonormal(z))
	}
	q := orthonormal(y)
	b := times(docs, q)
	var c mat.SymDense
	c.SymOuterK(1, b.T())
	var eig mat.EigenSym
	if !eig.Factorize(&c, true) {
		return nil
	}
	var w mat.Dense
	eig.VectorsTo(&w)
	values := eig.Values(nil)
	order := make([]int, len(values))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(values[b], values[a]) })
	dims := min(latentDims, len(order))
	top := mat.NewDense(w.RawMatrix().Rows, dims, nil)
	for j := range dims {
		for i := range w.RawMatrix().Rows {
			top.Set(i, j, w.At(i, order[j]))
		}
	}
	var terms mat.Dense
	terms.Mul(q, top) // terms × dims: the right singular vectors
	m := &latentModel{dims: dims, coords: make([]float64, nTerms*dims)}
	for t := range nTerms {
		for j := range dims {
			m.coords[t*dims+j] = terms.At(t, j)
		}
	}
	return m
}

// docSeeds returns a number for each doc made of its terms alone: the
// seed of its row of the random matrix, so that a paragraph added to
// the story leaves the rows of the others as they were, and the model
// learnt changes little with it.
func docSeeds(docs []termVector, names []string) []uint64 {
	termHash := make([]uint64, len(names))
	for t, name := range names {
		h := fnv.New64a()
		h.Write([]byte(name))
		termHash[t] = h.Sum64()
	}
	seeds := make([]uint64, len(docs))
	for i, d := range docs {
		var s uint64 = 0x6c6174656e74
		for _, t := range d.terms {
			s += termHash[t] // in any order of the terms
		}
		seeds[i] = s
	}
	return seeds
}

// sampleDocs returns latentMaxDocs of docs or about as many, with their
// seeds, chosen by their seeds: a doc added to the story leaves the
// choice of the others as it was.
func sampleDocs(docs []termVector, seeds []uint64) ([]termVector, []uint64) {
	keep := float64(latentMaxDocs) / float64(len(docs))
	var outDocs []termVector
	var outSeeds []uint64
	for i, seed := range seeds {
		if float64(mix(seed)>>11)/(1<<53) < keep {
			outDocs = append(outDocs, docs[i])
			outSeeds = append(outSeeds, seed)
		}
	}
	return outDocs, outSeeds
}

// mix scrambles the bits of x (SplitMix64's finaliser), so that seeds
// that differ little are chosen independently.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// embed returns the coordinates of a term vector, of norm 1 (all zero
// when its terms have none).
func (m *latentModel) embed(v termVector) []float64 {
	out := make([]float64, m.dims)
	for i, t := range v.terms {
		w := v.weights[i]
		row := m.coords[int(t)*m.dims : int(t+1)*m.dims]
		for j, c := range row {
			out[j] += w * c
		}
	}
	sq := 0.0
	for _, x := range out {
		sq += x * x
	}
	if sq > 0 {
		norm := math.Sqrt(sq)
		for j := range out {
			out[j] /= norm
		}
	}
	return out
}

// transposeTimes returns Xᵀ·a, where the rows of X are docs over nTerms
// terms.
func transposeTimes(docs []termVector, nTerms int, a *mat.Dense) *mat.Dense {
	_, l := a.Dims()
	out := mat.NewDense(nTerms, l, nil)
	raw, ar := out.RawMatrix(), a.RawMatrix()
	for i, d := range docs {
		src := ar.Data[i*ar.Stride : i*ar.Stride+l]
		for k, t := range d.terms {
			w := d.weights[k]
			dst := raw.Data[int(t)*raw.Stride : int(t)*raw.Stride+l]
			for j, x := range src {
				dst[j] += w * x
			}
		}
	}
	return out
}

// times returns X·a, where the rows of X are docs.
func times(docs []termVector, a *mat.Dense) *mat.Dense {
	_, l := a.Dims()
	out := mat.NewDense(len(docs), l, nil)
	raw, ar := out.RawMatrix(), a.RawMatrix()
	for i, d := range docs {
		dst := raw.Data[i*raw.Stride : i*raw.Stride+l]
		for k, t := range d.terms {
			w := d.weights[k]
			src := ar.Data[int(t)*ar.Stride : int(t)*ar.Stride+l]
			for j, x := range src {
				dst[j] += w * x
			}
		}
	}
	return out
}

// orthonormal returns an orthonormal basis of the columns of a: a times
// the eigenvectors of aᵀa, each divided by the square root of its
// eigenvalue; directions of eigenvalue near zero are left out.
func orthonormal(a *mat.Dense) *mat.Dense {
	_, l := a.Dims()
	var g mat.SymDense
	g.SymOuterK(1, a.T())
	var eig mat.EigenSym
	if !eig.Factorize(&g, true) {
		return a
	}
	var u mat.Dense
	eig.VectorsTo(&u)
	values := eig.Values(nil)
	largest := slices.Max(values)
	var keep []int
	for j := l - 1; j >= 0; j-- {
		if values[j] > largest*1e-10 && values[j] > 0 {
			keep = append(keep, j)
		}
	}
	scale := mat.NewDense(l, max(len(keep), 1), nil)
	for k, j := range keep {
		s := 1 / math.Sqrt(values[j])
		for i := range l {
			scale.Set(i, k, u.At(i, j)*s)
		}
	}
	var out mat.Dense
	out.Mul(a, scale)
	return &out
}
