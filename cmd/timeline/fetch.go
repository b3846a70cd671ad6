package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// maxRedirects is how many redirects a fetch follows: a news site
// sends one or two (http to https, an old path to a new one).
const maxRedirects = 5

// defaultFetchTimeout bounds the whole of one fetch, from the request
// to the last byte of the page.
const defaultFetchTimeout = 30 * time.Second

// fetcher fetches the pages "timeline add" is given: one GET per
// address, nothing else of the page (no scripts, images or styles), no
// cookies kept, an honest User-Agent.
type fetcher struct {
	client *http.Client
	// limit is the most bytes of a page: a source's maxSourceSize.
	limit     int64
	userAgent string
}

// newFetcher returns a fetcher whose every fetch ends within timeout.
func newFetcher(timeout time.Duration, limit int64) *fetcher {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxResponseHeaderBytes = 1 << 20
	return &fetcher{
		client: &http.Client{Transport: tr, Timeout: timeout, CheckRedirect: checkRedirect},
		limit:  limit, userAgent: "timeline/" + version() + " (adds news pages to a story folder)",
	}
}

// checkRedirect follows at most maxRedirects redirects, and only to
// http and https addresses.
func checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > maxRedirects {
		return fmt.Errorf("redirected over %d times", maxRedirects)
	}
	if s := req.URL.Scheme; s != "http" && s != "https" {
		return fmt.Errorf("redirected to a %q address, refused: only http and https are fetched", s)
	}
	if req.URL.User != nil {
		return errors.New("redirected to an address with a user name or password in it, refused")
	}
	return nil
}

// fetchedPage is a page as it came: its bytes unchanged, the address
// it came from after redirects, and the extension its kind of content
// is saved with.
type fetchedPage struct {
	final *url.URL
	ext   string
	data  []byte
}

// fetch fetches u. Its error says in words why there is no page: the
// server's status, a kind of content that is neither HTML nor plain
// text, a page over the limit, no answer in time.
func (f *fetcher) fetch(ctx context.Context, u *url.URL) (*fetchedPage, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", f.userAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9")
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, f.fetchError(ctx, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("the server answered %s", resp.Status)
	}
	ext, err := extOfType(resp.Header.Get("Content-Type"))
	if err != nil {
		return nil, err
	}
	if resp.ContentLength > f.limit {
		return nil, f.tooLarge()
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, f.limit+1))
	if err != nil {
		return nil, f.fetchError(ctx, err)
	}
	if int64(len(data)) > f.limit {
		return nil, f.tooLarge()
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("the server sent an empty page")
	}
	if ext == "" {
		ext, err = extOfType(http.DetectContentType(data))
		if err != nil {
			return nil, fmt.Errorf("%w (no type given; this one guessed from its bytes)", err)
		}
	} else if sniffed := http.DetectContentType(data); !strings.HasPrefix(sniffed, "text/") {
		return nil, fmt.Errorf("not HTML or plain text: sent as %s, but its bytes are %s", resp.Header.Get("Content-Type"), sniffed)
	}
	return &fetchedPage{final: resp.Request.URL, ext: ext, data: data}, nil
}

// extOfType returns the extension a page of this Content-Type is saved
// with: ".html" for HTML, ".txt" for plain text, "" when no type is
// given (the bytes then tell); any other is refused.
func extOfType(contentType string) (string, error) {
	if strings.TrimSpace(contentType) == "" {
		return "", nil
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return "", fmt.Errorf("not HTML or plain text: a Content-Type %q that does not parse", contentType)
	}
	switch mt {
	case "text/html", "application/xhtml+xml":
		return ".html", nil
	case "text/plain":
		return ".txt", nil
	}
	return "", fmt.Errorf("not HTML or plain text but %s", mt)
}

func (f *fetcher) tooLarge() error {
	return fmt.Errorf("too large: over the limit of %s for a source", sizeText(f.limit))
}

// sizeText says a size in bytes in MB, KB or bytes, whichever is whole.
func sizeText(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// fetchError says in words why a request or the reading of its answer
// failed: interrupted, timed out, or what the network said.
func (f *fetcher) fetchError(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("interrupted: %w", ctx.Err())
	}
	var ne net.Error
	if errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout() {
		return fmt.Errorf("timed out: no whole answer within %s", f.client.Timeout)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
