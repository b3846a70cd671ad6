package seedpages

import (
	"fmt"
	"slices"
	"strings"
)

// commonFurniture is the text of the furniture every page gets: none of
// it may reach the article text.
var commonFurniture = []string{
	"We use cookies to personalise content and ads and to analyse our traffic.",
	"Accept all cookies",
	"Manage preferences",
	"Breaking: Parliament votes on the budget on Thursday, June 1",
	"Sign up for our morning newsletter and get the day's news by 7 a.m.",
	"Subscribe to our newsletter",
	"Sorry, but the claims made on Monday were refuted by everyone on Friday, May 26.",
	"Posted on May 25, 2023 at 9:14 am",
	"Nobody believes what the ministry said on Tuesday, this is all staged.",
	"Storms flood the coast on Saturday, May 27, officials say",
	"Markets rally as inflation eases on Friday",
	"Copyright 2023 All rights reserved.",
	"Terms of use",
}

// writeTop writes the page's header: the site's navigation (with the
// seed's lines before its article), a breaking-news ticker and a cookie
// banner.
func writeTop(b *strings.Builder, before []string) {
	e := escapeText
	b.WriteString("<div id=\"cookie-consent\" class=\"cookie-banner\" role=\"dialog\">\n<p>" + e(commonFurniture[0]) + "</p>\n")
	b.WriteString("<button>" + e(commonFurniture[1]) + "</button> <button>" + e(commonFurniture[2]) + "</button>\n</div>\n")
	b.WriteString("<header class=\"site-header\">\n<a class=\"logo\" href=\"/\">Home</a>\n<nav class=\"main-menu\"><ul>\n")
	for _, item := range append(slices.Clone(before), "World", "Politics", "Business", "Opinion", "Sport") {
		fmt.Fprintf(b, "<li><a href=\"/%s/\">%s</a></li>\n", slug(item), e(item))
	}
	b.WriteString("</ul></nav>\n<div class=\"ticker\"><span>" + e(commonFurniture[3]) + "</span></div>\n</header>\n")
}

// writeArticle writes <main> with the article: its headline, byline and
// date, and its lines as paragraphs, headings, asides, captions and
// embedded posts. Article lines go to want as "+ " lines.
func writeArticle(b *strings.Builder, s Seed, headline string, lines []string, want *[]string) {
	e := escapeText
	b.WriteString("<main id=\"content\">\n<article class=\"post\">\n<header class=\"entry-header\">\n")
	fmt.Fprintf(b, "<h1 class=\"entry-title\">%s</h1>\n", e(headline))
	b.WriteString("<div class=\"entry-meta\">")
	if s.Author != "" {
		fmt.Fprintf(b, "<span class=\"byline\">By <a rel=\"author\" href=\"/author/%s/\">%s</a></span> ", slug(s.Author), e(s.Author))
	}
	if s.DateIn == "time" {
		fmt.Fprintf(b, "<time class=\"entry-date published\" datetime=\"%s\">%s</time>", s.Published, s.Published[:10])
	}
	b.WriteString("</div>\n<div class=\"share\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Share on X</a></div>\n</header>\n")
	b.WriteString("<div class=\"entry-content\">\n")
	for n := s.From; n <= s.To; n++ {
		l := strings.TrimSpace(lines[n-1])
		if l == "" || slices.Contains(s.Dropped, n) {
			continue
		}
		if post, ok := postAt(s.Posts, n); ok {
			writePost(b, lines, post, want)
			n = post[1]
			continue
		}
		switch {
		case slices.Contains(s.Headings, n):
			fmt.Fprintf(b, "<h2>%s</h2>\n", e(l))
		case slices.Contains(s.Asides, n):
			fmt.Fprintf(b, "<div class=\"read-also\"><strong>Read also:</strong> <a href=\"/%s/\">%s</a></div>\n", slug(l), e(l))
			*want = append(*want, "- "+l)
			continue
		case slices.Contains(s.Captions, n):
			fmt.Fprintf(b, "<figure class=\"video\"><iframe title=\"video\" src=\"about:blank\"></iframe><figcaption>%s</figcaption></figure>\n", e(l))
			continue
		default:
			fmt.Fprintf(b, "<p>%s</p>\n", e(l))
		}
		*want = append(*want, "+ "+l)
	}
	b.WriteString("<!-- ad slot: in-article-2. Russia said on Monday, May 1, 2023 that nothing happened. -->\n")
	b.WriteString("</div>\n</article>\n")
}

// postAt returns the embedded post that starts at line n.
func postAt(posts [][2]int, n int) ([2]int, bool) {
	for _, p := range posts {
		if p[0] == n {
			return p, true
		}
	}
	return [2]int{}, false
}

// writePost writes lines as an embedded post, as Twitter's widget code
// leaves it before its script runs: the post's text, then its author and
// date line.
func writePost(b *strings.Builder, lines []string, post [2]int, want *[]string) {
	e := escapeText
	b.WriteString("<blockquote class=\"twitter-tweet\">")
	for n := post[0]; n <= post[1]; n++ {
		l := strings.TrimSpace(lines[n-1])
		if n < post[1] {
			fmt.Fprintf(b, "<p lang=\"en\" dir=\"ltr\">%s</p>", e(l))
		} else {
			fmt.Fprintf(b, "%s", e(l))
		}
		*want = append(*want, "+ "+l)
	}
	b.WriteString("</blockquote>\n<script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>\n")
}

// writeBottom writes what follows the article: related links (the
// seed's lines after its article), a comment section, a newsletter form
// and the footer.
func writeBottom(b *strings.Builder, after []string) {
	e := escapeText
	b.WriteString("<aside class=\"related-posts\">\n<h3>Related</h3>\n<ul>\n")
	for _, l := range append(slices.Clone(after), commonFurniture[9], commonFurniture[10]) {
		fmt.Fprintf(b, "<li><a href=\"/%s/\">%s</a></li>\n", slug(l), e(l))
	}
	b.WriteString("</ul>\n</aside>\n</main>\n")
	b.WriteString("<section id=\"comments\" class=\"comments-area\">\n<h2 class=\"comments-title\">2 comments</h2>\n<ol class=\"comment-list\">\n")
	fmt.Fprintf(b, "<li class=\"comment\"><div class=\"comment-meta\">mark_77 <time datetime=\"2023-05-25T09:14\">%s</time></div><p>%s</p></li>\n",
		e(commonFurniture[7]), e(commonFurniture[6]))
	fmt.Fprintf(b, "<li class=\"comment\"><div class=\"comment-meta\">Olga</div><p>%s</p></li>\n", e(commonFurniture[8]))
	b.WriteString("</ol>\n<form id=\"commentform\" action=\"/wp-comments-post.php\" method=\"post\"><label for=\"comment\">Leave a reply</label><textarea id=\"comment\" name=\"comment\"></textarea><input type=\"submit\" value=\"Post comment\"></form>\n</section>\n")
	fmt.Fprintf(b, "<form class=\"newsletter\" action=\"/subscribe\"><p>%s</p><input type=\"email\" name=\"email\"><button>%s</button></form>\n",
		e(commonFurniture[4]), e(commonFurniture[5]))
	fmt.Fprintf(b, "<footer class=\"site-footer\"><p>%s</p><a href=\"/terms/\">%s</a></footer>\n", e(commonFurniture[11]), e(commonFurniture[12]))
	b.WriteString("<script>document.getElementById('cookie-consent').hidden = localStorage.consent === 'yes';</script>\n")
}

// slug makes a path segment of a link's text.
func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
		if b.Len() >= 60 {
			break
		}
	}
	return strings.Trim(b.String(), "-")
}
