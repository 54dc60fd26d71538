package render

import (
	"bufio"
	"bytes"
	"io"
	"strings"

	"github.com/shiftbook/shiftbook/generator/diag"

	"golang.org/x/net/html"
)

// A page too long to hold whole (the book: every chapter's body, a quarter
// of a large site) is written as a stream: the template writes into the
// output file and, beside it, into the output check, which reads the page
// part by part as scanAttrs reads it whole.

// streamSink is a Sink that can also write a file as a stream.
type streamSink interface {
	Sink
	Create(path string) (io.WriteCloser, error)
}

// streamPart is how many bytes the check gathers before reading them.
const streamPart = 256 << 10

// streamCheck is linkCheck.add for a page written as a stream: the same
// attributes reach the same pageCheck in the same order. The site
// navigation, written by the template in one piece, is skipped as add
// skips it; the parts before and after it are read as two pages, as add
// reads them.
type streamCheck struct {
	pc      *pageCheck
	stopped func() bool
	nav     string
	navDone bool
	part    int // bytes gathered before they are read: streamPart

	buf   []byte
	spans []attrSpan
	plain bool // the rest of the part is text (after <plaintext>)
	// tok, when set, is the tokenizer reading the rest of the part: the
	// fast reading met what it leaves to the tokenizer.
	tok     *io.PipeWriter
	tokDone chan struct{}
}

func (c *linkCheck) stream(out, nav string) *streamCheck {
	if !strings.HasPrefix(nav, navOpen) {
		nav = ""
	}
	return &streamCheck{pc: c.begin(out), stopped: c.stopped, nav: nav, part: streamPart}
}

// streamPage renders the page of j straight into its file, and into the
// output check when there is one (check != nil); it reports whether it did.
func (r *run) streamPage(sink streamSink, check *linkCheck, j job) bool {
	data := j.data()
	if data == nil {
		return false
	}
	f, err := sink.Create(j.out)
	if err != nil {
		r.fail(diag.File(j.out, "cannot write: %v", err))
		return false
	}
	bw := bufio.NewWriterSize(f, streamPart)
	var w io.Writer = bw
	var sc *streamCheck
	if check != nil {
		sc = check.stream(j.out, string(data.Nav))
		w = io.MultiWriter(bw, sc)
	}
	err = r.tmpl.executeTo(w, j.layout, data)
	if sc != nil {
		sc.Close()
	}
	if err == nil {
		err = bw.Flush()
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	} else {
		f.Close()
		d := r.templateError(err, func(t *Templates, b *bytes.Buffer) error { return t.execute(b, j.layout, data) })
		r.failOnce(d, "while making "+j.out)
		return false
	}
	if err != nil {
		r.fail(diag.File(j.out, "cannot write: %v", err))
		return false
	}
	return true
}

func (s *streamCheck) Write(p []byte) (int, error) {
	if !s.navDone && s.nav != "" && len(p) == len(s.nav) && string(p) == s.nav {
		s.navDone = true
		s.end()
		return len(p), nil
	}
	switch {
	case s.plain:
	case s.tok != nil:
		s.tok.Write(p)
	case bytes.IndexByte(p, 0) >= 0:
		// A NUL byte is the tokenizer's to read, as scanAttrs leaves it.
		s.toTokenizer(append(s.buf, p...))
		s.buf = s.buf[:0]
	default:
		s.buf = append(s.buf, p...)
		if len(s.buf) >= s.part {
			s.read(false)
		}
	}
	return len(p), nil
}

// read reads what is gathered, keeping the cut construct at its end.
func (s *streamCheck) read(final bool) {
	spans, resume, ok := scanPart(s.buf, s.spans[:0], s.stopped, final)
	for _, sp := range spans {
		s.pc.scan(sp.kind, s.buf[sp.start:sp.end])
	}
	s.spans = spans[:0]
	switch {
	case !ok:
		s.toTokenizer(s.buf[resume:])
		s.buf = s.buf[:0]
	case resume < 0:
		s.plain = true
		s.buf = s.buf[:0]
	default:
		s.buf = append(s.buf[:0], s.buf[resume:]...)
	}
}

// toTokenizer hands the rest of the part, starting with rest, to the
// tokenizer, which reads it as it is written.
func (s *streamCheck) toTokenizer(rest []byte) {
	r, w := io.Pipe()
	s.tok, s.tokDone = w, make(chan struct{})
	go func() {
		defer close(s.tokDone)
		tokenAttrsFrom(r, s.stopped, s.pc.scan)
		io.Copy(io.Discard, r) // stopped early: the writer must not block
	}()
	w.Write(rest)
}

// end finishes the part: what is gathered is read as a page's end.
func (s *streamCheck) end() {
	if s.tok == nil && !s.plain {
		s.read(true) // which may hand the rest to the tokenizer
	}
	if s.tok != nil {
		s.tok.Close()
		<-s.tokDone
		s.tok = nil
	}
	s.buf, s.plain = s.buf[:0], false
}

// Close ends the page's check.
func (s *streamCheck) Close() error {
	s.end()
	s.pc.finish()
	return nil
}

// tokenAttrsFrom is tokenAttrs reading from r.
func tokenAttrsFrom(r io.Reader, stopped func() bool, fn func(kind byte, value []byte)) {
	z := html.NewTokenizer(bufio.NewReaderSize(r, 64<<10))
	for n := 1; ; n++ {
		if n%1024 == 0 && stopped != nil && stopped() {
			return
		}
		switch z.Next() {
		case html.ErrorToken:
			return
		case html.StartTagToken, html.SelfClosingTagToken:
			if !mayHoldRef(z.Raw()) {
				continue
			}
			_, more := z.TagName()
			for more {
				var key, val []byte
				key, val, more = z.TagAttr()
				switch string(key) {
				case "id":
					fn('i', val)
				case "href", "src":
					fn('r', val)
				}
			}
		}
	}
}
