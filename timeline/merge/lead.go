package merge

import "github.com/timeline-project/timeline/timeline"

// A source's headline and lead, its first sentences, state its news:
// often without printing a date, for the reader knows the day it was
// published. They report what happened in the days just before it.

// LeadRole is the part a sentence plays in the top of its source.
type LeadRole uint8

// Lead roles.
const (
	// roleBody: a sentence of the article's body.
	roleBody LeadRole = iota
	// roleHeadline: the heading the article opens with.
	roleHeadline
	// RoleLead: one of the article's first sentences.
	RoleLead
)

// leadLength is how many sentences of an article's first paragraphs,
// after its headline, make its lead.
const leadLength = 3

// leadRoles returns the role of each sentence of src, by index in
// src.Sentences: the headline is the first article sentence when it is a
// heading; the lead, the first leadLength article sentences that are no
// heading. Page furniture plays no role.
func leadRoles(src *timeline.Source) []LeadRole {
	roles := make([]LeadRole, len(src.Sentences))
	lead := 0
	first := true
	for i, s := range src.Sentences {
		if s.N == 0 {
			continue
		}
		heading := src.Blocks[s.Block].Kind == timeline.Heading
		switch {
		case heading && first:
			roles[i] = roleHeadline
		case heading:
			// a heading further down opens a section, not the article
		case lead < leadLength:
			roles[i] = RoleLead
			lead++
		}
		first = false
		if lead == leadLength {
			break
		}
	}
	return roles
}
