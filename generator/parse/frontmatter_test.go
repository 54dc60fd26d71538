package parse

import (
	"bytes"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/internal/testfiles"
)

const pagePath = "content/p.md"

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func fnum(f float64) *float64 { return &f }

func TestReadPageGood(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want FrontMatter // lines is not compared
		body string
	}{
		{"toml minimal", "+++\ntitle = \"Vision\"\n+++\nBody\n",
			FrontMatter{Title: "Vision", TOC: true}, "Body\n"},
		{"yaml minimal", "---\ntitle: Vision\n---\nBody\n",
			FrontMatter{Title: "Vision", TOC: true}, "Body\n"},
		{"title trimmed", "+++\ntitle = \"  Vision \"\n+++\n",
			FrontMatter{Title: "Vision", TOC: true}, ""},
		{"closing line at end of file without newline", "+++\ntitle = \"V\"\n+++",
			FrontMatter{Title: "V", TOC: true}, ""},
		{"delimiters with trailing blanks", "+++  \ntitle = \"V\"\n+++\t\nB",
			FrontMatter{Title: "V", TOC: true}, "B"},
		{"crlf", "+++\r\ntitle = \"V\"\r\ndraft = true\r\n+++\r\nBody\r\n",
			FrontMatter{Title: "V", Draft: true, TOC: true}, "Body\r\n"},
		{"bom", "\uFEFF+++\ntitle = \"V\"\n+++\nBody",
			FrontMatter{Title: "V", TOC: true}, "Body"},
		{"a later --- or +++ in the body is body", "---\ntitle: V\n---\nA\n\n---\n\n+++\n",
			FrontMatter{Title: "V", TOC: true}, "A\n\n---\n\n+++\n"},
		{"every common key, toml", `+++
title = "Promise"
description = "What we promise"
date = 2026-03-01
lastmod = "2026-04-02"
reviewed = 2026-05-03T10:00:00Z
weight = 3
draft = false
tags = ["vision", "customers"]
slug = "our-promise"
owner = "Head of CX"
layout = "wide"
toc = false
[params]
colour = "blue"
+++
`, FrontMatter{Title: "Promise", Description: "What we promise", Date: day("2026-03-01"), Lastmod: day("2026-04-02"),
			Reviewed: time.Date(2026, 5, 3, 10, 0, 0, 0, time.UTC), Weight: 3, Tags: []string{"vision", "customers"},
			Slug: "our-promise", Owner: "Head of CX", Layout: "wide", LayoutKey: "layout", Params: map[string]any{"colour": "blue"}}, ""},
		{"every common key, yaml", `---
title: Promise
description: "What we promise"
date: 2026-03-01
weight: 3
draft: true
tags: [vision, customers]
owner: Head of CX
params:
  colour: blue
---
`, FrontMatter{Title: "Promise", Description: "What we promise", Date: day("2026-03-01"), Weight: 3, Draft: true,
			Tags: []string{"vision", "customers"}, Owner: "Head of CX", TOC: true, Params: map[string]any{"colour": "blue"}}, ""},
		{"a single tag as text", "+++\ntitle = \"V\"\ntags = \"one\"\n+++\n",
			FrontMatter{Title: "V", TOC: true, Tags: []string{"one"}}, ""},
		{"definition", "+++\ntitle = \"Net Promoter Score\"\nabbr = \" NPS \"\nsynonyms = [\"promoter score\"]\nsummary = \"Loyalty.\"\n+++\n",
			FrontMatter{Title: "Net Promoter Score", Definition: DefinitionMeta{Abbr: "NPS", Synonyms: []string{"promoter score"}, Summary: "Loyalty."}, TOC: true}, ""},
		{"metric", "+++\ntitle = \"NPS\"\nmetric = \"nps\"\nunit = \"points\"\ndirection = \"down\"\ntarget = 45\ndata = \"nps.csv\"\ndefinition = \"net-promoter-score\"\n+++\n",
			FrontMatter{Title: "NPS", Metric: MetricMeta{ID: "nps", Unit: "points", Direction: "down", Target: fnum(45), Data: "nps.csv",
				Definition: "net-promoter-score"}, TOC: true}, ""},
		{"float target", "+++\ntitle = \"T\"\ndirection = \"up\"\ntarget = 4.5\n+++\n",
			FrontMatter{Title: "T", Metric: MetricMeta{Direction: "up", Target: fnum(4.5)}, TOC: true}, ""},
		{"journey, toml", `+++
title = "Onboarding"
persona = "Sam"
kind = "customer"

[[stages]]
name = "Discover"
feeling = -2
touchpoints = ["Website"]
pains = ["Unclear"]
metrics = ["nps"]

[[stages]]
name = "Sign"
feeling = 2
+++
`, FrontMatter{Title: "Onboarding", TOC: true, Journey: JourneyMeta{Persona: "Sam", Kind: "customer", Stages: []Stage{
			{Name: "Discover", Feeling: -2, Touchpoints: []string{"Website"}, Pains: []string{"Unclear"}, Metrics: []string{"nps"}, Line: 6},
			{Name: "Sign", Feeling: 2, Line: 13},
		}}}, ""},
		{"no front matter", "Just text.\n", FrontMatter{TOC: true, NoFrontMatter: true}, "Just text.\n"},
		{"empty file", "", FrontMatter{TOC: true, NoFrontMatter: true}, ""},
		{"no title: taken from the body later", "+++\ndescription = \"D\"\n+++\n", FrontMatter{Description: "D", TOC: true}, ""},
		{"empty toml front matter", "+++\n+++\n", FrontMatter{TOC: true}, ""},
		{"hugo keys", `+++
title = "Refunds"
linktitle = "Refunds"
aliases = ["/old/refunds/", "refund-policy"]
keywords = ["money back", "return"]
categories = ["Billing"]
author = "Priya Natarajan"
publishDate = 2026-01-01
expiryDate = 2027-01-01
+++
`, FrontMatter{Title: "Refunds", LinkTitle: "Refunds", Aliases: []string{"/old/refunds/", "refund-policy"},
			Keywords: []string{"money back", "return"}, Categories: []string{"Billing"}, Authors: []string{"Priya Natarajan"},
			PublishDate: day("2026-01-01"), ExpiryDate: day("2027-01-01"), TOC: true}, ""},
		{"docusaurus keys", `---
title: Escalations
sidebar_label: Escalate
sidebar_position: 3
keywords: escalation, complaint
authors:
  - name: Jo Okafor
  - Sam Lee
hide_table_of_contents: true
---
`, FrontMatter{Title: "Escalations", LinkTitle: "Escalate", Weight: 3, Keywords: []string{"escalation", "complaint"},
			Authors: []string{"Jo Okafor", "Sam Lee"}}, ""},
		{"mkdocs keys", "---\ntitle: Home\nhide:\n  - navigation\n  - toc\n---\n",
			FrontMatter{Title: "Home", Hide: []string{"navigation", "toc"}}, ""},
		{"journey, yaml", `---
title: Support
kind: employee
stages:
  - name: Call
    feeling: 0
  - name: Wait
    feeling: -1
    metrics: [ces]
---
`, FrontMatter{Title: "Support", TOC: true, Journey: JourneyMeta{Kind: "employee", Stages: []Stage{
			{Name: "Call", Feeling: 0, Line: 5},
			{Name: "Wait", Feeling: -1, Metrics: []string{"ces"}, Line: 7},
		}}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, diags := ReadPage(pagePath, []byte(tt.src))
			if len(diags) > 0 {
				t.Fatalf("unexpected diagnostics:\n%v", diags.Err())
			}
			got := p.Meta
			got.lines = nil
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Meta =\n%+v\nwant\n%+v", got, tt.want)
			}
			if string(p.Body) != tt.body {
				t.Errorf("Body = %q; want %q", p.Body, tt.body)
			}
			if !bytes.Equal(p.Source[p.BodyOffset:], p.Body) {
				t.Errorf("Body is not Source[BodyOffset:]")
			}
			if p.Path != pagePath || string(p.Source) != tt.src {
				t.Errorf("Path or Source not kept")
			}
		})
	}
}

// TestFrontMatterLine checks that key lines are lines of the whole file.
func TestFrontMatterLine(t *testing.T) {
	tests := []struct {
		name string
		src  string
		key  []string
		want int
	}{
		{"toml key", "+++\ntitle = \"T\"\n\nowner = \"O\"\n+++\n", []string{"owner"}, 4},
		{"yaml key", "---\ntitle: T\nowner: O\n---\n", []string{"owner"}, 3},
		{"after a bom", "\uFEFF+++\ntitle = \"T\"\nowner = \"O\"\n+++\n", []string{"owner"}, 3},
		{"toml stage key", "+++\ntitle = \"T\"\n[[stages]]\nname = \"a\"\n[[stages]]\nname = \"b\"\nfeeling = 1\n+++\n", []string{"stages", "1", "feeling"}, 7},
		{"yaml stage key", "---\ntitle: T\nstages:\n  - name: a\n  - name: b\n    feeling: 1\n---\n", []string{"stages", "1", "feeling"}, 6},
		{"a key not written is line 1", "+++\ntitle = \"T\"\n+++\n", []string{"owner"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, diags := ReadPage(pagePath, []byte(tt.src))
			if len(diags) > 0 {
				t.Fatal(diags.Err())
			}
			if got := p.Meta.Line(tt.key...); got != tt.want {
				t.Errorf("Line(%v) = %d; want %d", tt.key, got, tt.want)
			}
		})
	}
	if got := (&FrontMatter{}).Line("title"); got != 1 {
		t.Errorf("zero FrontMatter: Line = %d; want 1", got)
	}
}

func TestReadPageErrors(t *testing.T) {
	const P = pagePath + ":"
	tests := []struct {
		name string
		src  string
		want []string
	}{
		// The file as a whole.
		{"toml never closed", "+++\ntitle = \"T\"\n\nBody\n",
			[]string{P + `1:1: front matter opened with +++ is never closed; add a line with only +++ after the last key`}},
		{"yaml never closed", "---\ntitle: T\n",
			[]string{P + `1:1: front matter opened with --- is never closed; add a line with only --- after the last key`}},
		{"closed with the other delimiter", "+++\ntitle = \"T\"\n---\nBody\n",
			[]string{P + `1:1: front matter opened with +++ is never closed; add a line with only +++ after the last key`}},
		{"invalid utf-8", "+++\ntitle = \"Caf\xe9\"\n+++\n",
			[]string{P + `2:13: invalid UTF-8 (byte 0xe9); save the file as UTF-8 in your editor`}},
		{"nul byte", "+++\ntitle = \"T\"\n+++\nab\x00",
			[]string{P + `4:3: NUL byte: this looks like a binary file; save it as plain UTF-8 text`}},

		// Syntax, at lines and columns of the whole file.
		{"toml syntax", "+++\ntitle = \"T\"\nowner = Head of CX\n+++\n",
			[]string{P + `3:9: invalid TOML: a text value must be in "quotes": put " before Head and after the value's last word`}},
		// The decoder points at the blank before x: column 17 in characters, 20 in bytes.
		{"toml syntax column in characters", "+++\ntitle = \"Café ☕\" x\n+++\n",
			[]string{P + `2:17: invalid TOML: something (x) follows the value on this line; write one key = value a line, with quotes around the whole text`}},
		{"toml syntax after a bom", "\uFEFF+++\ntitle = \"T\"\nweight = = 1\n+++\n",
			[]string{P + `3:10: invalid TOML: an = with no value after it; write key = value, once`}},
		{"toml unterminated string", "+++\ntitle = \"T\n+++\nBody\n",
			[]string{P + `2:11: invalid TOML: text opened with a quote is not closed on its line; close it, or use """ before and after text of several lines`}},
		// The decoder's column for this error is on the line before; the start of the line is used.
		{"toml duplicate key", "+++\ntitle = \"T\"\ntitle = \"U\"\n+++\n",
			[]string{P + `3:1: invalid TOML: the key title appears twice; keep one of them`}},
		{"yaml syntax", "---\ntitle: T\ntags: [a, b\nowner: CX\n---\n",
			[]string{P + `4:1: invalid YAML: a list opened with [ is not closed; end it with ], or put text that starts with [ in quotes`}},
		{"yaml colon in text", "---\ntitle: Vision: the long view\n---\n",
			[]string{P + `2:8: invalid YAML: a second colon on this line, or a line indented under a value; put text that has a colon in quotes (title: "Hello: world"), and start each key at the left edge`}},
		{"yaml not a mapping", "---\n- a\n- b\n---\n",
			[]string{P + `2:1: YAML front matter must be a list of key: value lines`}},
		{"yaml bad indentation", "---\ntitle: T\n  owner: O\n---\n",
			[]string{P + `2:8: invalid YAML: a second colon on this line, or a line indented under a value; put text that has a colon in quotes (title: "Hello: world"), and start each key at the left edge`}},

		// Title.
		{"empty title", "+++\ndescription = \"D\"\ntitle = \"\"\n+++\n",
			[]string{P + `3:1: title is empty; write the page's title, or remove the line to take it from the page's first heading`}},
		{"blank yaml title", "---\ntitle: '  '\n---\n",
			[]string{P + `2:1: title is empty; write the page's title, or remove the line to take it from the page's first heading`}},
		{"yaml null title", "---\ntitle:\n---\n",
			[]string{P + `2:1: title is empty; write the page's title, or remove the line to take it from the page's first heading`}},

		// Keys of other tools.
		{"url", "+++\ntitle = \"T\"\nurl = \"/about/our-team/\"\n+++\n",
			[]string{P + `3:1: url sets a page's whole address in Hugo; shiftbook takes the address from the file's place in content/: write slug = "our-team" to change the last part of the address, or aliases = ["/about/our-team/"] to keep that old address working`}},
		{"translationKey", "---\ntitle: Over ons\ntranslationKey: about\n---\n",
			[]string{P + `3:1: translationKey joins translations in Hugo; shiftbook joins a translation to its original by file name: name this file after its original with the language before .md (about.nl.md beside about.md), write slug = "..." to keep this translation's own address, and remove translationKey`}},
		{"url not text", "---\ntitle: T\nurl: 1\n---\n",
			[]string{P + `3:1: url sets a page's whole address in Hugo; shiftbook takes the address from the file's place in content/: write slug = "..." to change the last part of the address, or aliases = ["/old/address/"] to keep an old address working`}},
		{"two navigation labels", "---\ntitle: T\nlinkTitle: A\nsidebar_label: B\n---\n",
			[]string{P + `4:1: linkTitle and sidebar_label both set the navigation label; keep one`}},
		{"two weights", "---\ntitle: T\nsidebar_position: 2\nweight: 3\n---\n",
			[]string{P + `3:1: sidebar_position and weight both set the order in the navigation; keep one`}},
		{"two authors", "---\ntitle: T\nauthor: A\nauthors: [B]\n---\n",
			[]string{P + `4:1: author and authors both name who wrote the page; keep one`}},
		{"bad aliases", "---\ntitle: T\naliases:\n  - https://old.example/a/\n  - /a/../b/\n  - /faq/?q=1\n  - ''\n---\n",
			[]string{
				P + `4:1: alias "https://old.example/a/" is a full address; write its path only, such as "/old/address/"`,
				P + `5:1: alias "/a/../b/" cannot hold . or .. parts; write the old address from the site's root, such as "/old/address/"`,
				P + `6:1: alias "/faq/?q=1" cannot hold ?, #, \, quotes or < >; write the old address's path only, such as "/old/address/"`,
				P + `7:1: alias "" is empty; write an old address such as "/old/address/"`,
			}},
		{"hide values", "---\ntitle: T\nhide:\n  - navigaton\n  - sidebar\n---\n",
			[]string{
				P + `4:1: hide "navigaton" is not a part of the page: did you mean "navigation"?`,
				P + `5:1: hide "sidebar" is not a part of the page; hide takes navigation, toc and footer`,
			}},
		{"publish date", "+++\ntitle = \"T\"\npublishDate = \"soon\"\n+++\n",
			[]string{P + `3:1: publishDate must be a date written like 2026-10-14, not the text "soon"`}},
		{"misspelt key of another tool", "+++\ntitle = \"T\"\nalias = [\"/a/\"]\n+++\n",
			[]string{P + `3:1: unknown front matter key "alias": did you mean "aliases"?`}},
		// The did-you-mean tries the value on a list of tables too.
		{"misspelt list of tables", "+++\ntitle = \"T\"\n[[stagse]]\nname = \"A\"\n[[milestoens]]\nname = \"B\"\n+++\n",
			[]string{
				P + `3:1: unknown front matter key "stagse": did you mean "stages"?`,
				P + `5:1: unknown front matter key "milestoens": did you mean "milestones"? (milestone 1 has no due date; add due = 2027-03-19 with the day it is due)`,
			}},
		// Did-you-mean never names a key that is refused or ignored, and
		// names a key whose decoding refuses the value with what it takes.
		{"never suggests a refused key", "---\ntitle: T\nulr: /a/\ntranslationkye: a\n---\n",
			[]string{
				P + `3:1: unknown front matter key "ulr"; put your own values under [params], list the key under [frontmatter] allow in site.toml, or remove it`,
				P + `4:1: unknown front matter key "translationkye"; put your own values under [params], list the key under [frontmatter] allow in site.toml, or remove it`,
			}},
		{"suggests a key with the form it takes", "---\ntitle: T\nhiden: true\nweigth: \"2\"\ntgas: [a]\n---\n",
			[]string{
				P + `3:1: unknown front matter key "hiden": did you mean "hidden"?`,
				P + `4:1: unknown front matter key "weigth": did you mean "weight"? (weight must be a whole number, not the text "2")`,
				P + `5:1: unknown front matter key "tgas": did you mean "tags"?`,
			}},
		{"hide not a list", "+++\ntitle = \"T\"\nhide = true\n+++\n",
			[]string{P + `3:1: hide must be a list of the parts of the page to leave out, such as hide = ["navigation"] (it takes navigation, toc and footer), not true; to leave the page out of the site's navigation, its section's list and the previous/next links, write unlisted = true`}},
		{"hide not a list, in YAML", "---\ntitle: T\nhide: true\n---\n",
			[]string{P + `3:1: hide must be a list of the parts of the page to leave out, such as hide: [navigation] (it takes navigation, toc and footer), not true; to leave the page out of the site's navigation, its section's list and the previous/next links, write unlisted: true`}},
		{"menu decorations of Hugo's learn theme", "+++\ntitle = \"T\"\npre = \"<b>1. </b>\"\npost = \" ⭐\"\n+++\n",
			[]string{
				P + `3:1: warning: pre adds text before the page's name in the menu of Hugo's learn and relearn themes; shiftbook's navigation shows the page's name (or its linkTitle), so pre is ignored: remove it, or write the name as it should read in linkTitle`,
				P + `4:1: warning: post adds text after the page's name in the menu of Hugo's learn and relearn themes; shiftbook's navigation shows the page's name (or its linkTitle), so post is ignored: remove it, or write the name as it should read in linkTitle`,
			}},
		{"Hugo's menu and type", "---\ntitle: T\nmenu:\n  main:\n    weight: 5\ntype: docs\n---\n",
			[]string{
				P + `3:1: warning: menu puts a page in one of Hugo's menus; shiftbook's navigation is made from the content folders, so menu is ignored: order pages with weight and name them in the navigation with linkTitle, then remove menu`,
				P + `6:1: warning: type picks a page's layouts in Hugo; shiftbook takes a page's kind from its folder (journeys/, metrics/, definitions/…), so type is ignored: move the page into the folder of its kind, or name a layout with layout, then remove type`,
			}},
		{"hidden false says nothing", "---\ntitle: T\nhidden: false\n---\n", nil},
		{"hidden not true or false", "---\ntitle: T\nhidden: yes please\n---\n",
			[]string{P + `3:1: hidden must be true or false, not the text "yes please"`}},
		{"template and layout", "---\ntitle: T\nlayout: wide\ntemplate: main.html\n---\n",
			[]string{P + `4:1: layout and template both name the page's layout; keep one`}},
		{"docusaurus absolute slug", "---\ntitle: T\nslug: /start\n---\n",
			[]string{P + `3:1: slug "/start" is an address from the site's root in Docusaurus; in shiftbook a slug is only the last part of the address, the rest comes from the file's place in content/: write slug: start to change the last part, or aliases: ["/start"] to keep the address /start working`}},
		{"docusaurus absolute slug in toml", "+++\ntitle = \"T\"\nslug = \"/docs/start/\"\n+++\n",
			[]string{P + `3:1: slug "/docs/start/" is an address from the site's root in Docusaurus; in shiftbook a slug is only the last part of the address, the rest comes from the file's place in content/: write slug = "start" to change the last part, or aliases = ["/docs/start/"] to keep the address /docs/start/ working`}},
		{"docusaurus home slug", "---\ntitle: T\nslug: /\n---\n",
			[]string{P + `3:1: slug: / makes a page the site's home in Docusaurus; shiftbook's home page is content/_index.md: move this page's text there, or remove slug`}},
		{"docusaurus id with a slash", "---\ntitle: T\nid: a/b\n---\n",
			[]string{P + `3:1: id "a/b" cannot hold /, \, ?, # or be . or ..; use words joined by dashes`}},

		// Every key type, each at its own line.
		{"text key not text", "+++\ntitle = 1\n+++\n",
			[]string{P + `2:1: title must be text in quotes, not the number 1`}},
		{"text keys", "+++\ntitle = \"T\"\ndescription = true\nslug = 2\nowner = [\"a\"]\nlayout = 1.5\nsummary = {a = 1}\nabbr = 2026-01-01\npersona = 1\nunit = 1\nmetric = 1\ndata = 1\ndefinition = 1\n+++\n",
			[]string{
				P + `3:1: description must be text in quotes, not true`,
				P + `4:1: slug must be text in quotes, not the number 2`,
				P + `5:1: owner must be text in quotes, not a list`,
				P + `6:1: layout must be text in quotes, not the number 1.5`,
				P + `7:1: summary must be text in quotes, not a table`,
				P + `8:1: abbr must be text in quotes, not a date`,
				P + `9:1: persona must be text in quotes, not the number 1`,
				P + `10:1: unit must be text in quotes, not the number 1`,
				P + `11:1: metric must be text in quotes, not the number 1`,
				P + `12:1: data must be text in quotes, not the number 1`,
				P + `13:1: definition must be text in quotes, not the number 1`,
			}},
		{"list keys", "+++\ntitle = \"T\"\ntags = 1\nsynonyms = [\"a\", 2, true]\n+++\n",
			[]string{
				P + `3:1: tags must be a list of text, like ["a", "b"], not the number 1`,
				P + `4:1: item 2 of synonyms must be text in quotes, not the number 2`,
				P + `4:1: item 3 of synonyms must be text in quotes, not true`,
			}},
		{"yaml list item at its own line", "---\ntitle: T\ntags:\n  - a\n  - 2\n---\n",
			[]string{P + `5:1: item 2 of tags must be text in quotes, not the number 2`}},
		{"whole number", "+++\ntitle = \"T\"\nweight = 1.5\n+++\n",
			[]string{P + `3:1: weight must be a whole number, not the number 1.5`}},
		{"whole number from text", "---\ntitle: T\nweight: \"2\"\n---\n",
			[]string{P + `3:1: weight must be a whole number, not the text "2"`}},
		{"number", "+++\ntitle = \"T\"\ndirection = \"up\"\ntarget = \"45\"\n+++\n",
			[]string{P + `4:1: target must be a number such as 45 or 4.5, not the text "45"`}},
		{"number not nan", "+++\ntitle = \"T\"\ndirection = \"up\"\ntarget = nan\n+++\n",
			[]string{P + `4:1: target must be a number such as 45 or 4.5, not the number NaN`}},
		{"booleans", "+++\ntitle = \"T\"\ndraft = \"yes\"\ntoc = 0\n+++\n",
			[]string{P + `3:1: draft must be true or false, not the text "yes"`, P + `4:1: toc must be true or false, not the number 0`}},
		{"dates", "+++\ntitle = \"T\"\ndate = \"yesterday\"\nlastmod = 5\nreviewed = \"2026-13-01\"\n+++\n",
			[]string{
				P + `3:1: date must be a date written like 2026-10-14, not the text "yesterday"`,
				P + `4:1: lastmod must be a date written like 2026-10-14, not the number 5`,
				P + `5:1: reviewed must be a date written like 2026-10-14, not the text "2026-13-01"`,
			}},
		{"params not a table", "+++\ntitle = \"T\"\nparams = 1\n+++\n",
			[]string{P + `3:1: params must be a table ([params] in TOML, params: with indented keys in YAML)`}},
		{"enumerations", "+++\ntitle = \"T\"\nkind = \"partner\"\ndirection = \"sideways\"\n+++\n",
			[]string{
				P + `3:1: kind must be "customer" or "employee", not "partner"`,
				P + `4:1: direction must be "up" (higher is better) or "down" (lower is better), not "sideways"`,
			}},
		{"slugs", "+++\ntitle = \"T\"\nslug = \"..\"\n+++\n",
			[]string{P + `3:1: slug ".." cannot hold /, \, ?, # or be . or ..; use words joined by dashes`}},
		{"unknown keys", "+++\ntitle = \"T\"\nsumary = \"x\"\ncolour = \"blue\"\n+++\n",
			[]string{
				P + `3:1: unknown front matter key "sumary": did you mean "summary"?`,
				P + `4:1: unknown front matter key "colour"; put your own values under [params], list the key under [frontmatter] allow in site.toml, or remove it`,
			}},

		// Stages.
		{"stages not tables", "+++\ntitle = \"T\"\nstages = [\"a\"]\n+++\n",
			[]string{P + `3:1: stages must be a list of tables written [[stages]], each with name and feeling`}},
		{"stages not a list", "+++\ntitle = \"T\"\nstages = 1\n+++\n",
			[]string{P + `3:1: stages must be a list of tables written [[stages]], each with name and feeling`}},
		{"stage keys", "+++\ntitle = \"T\"\n[[stages]]\nname = \"A\"\nfeeling = 3\n[[stages]]\nfeelin = 1\ntouchpoints = 1\nmood = 2\n+++\n",
			[]string{
				P + `5:1: feeling 3 is out of range; use -2 (angry), -1, 0 (neutral), 1 or 2 (delighted)`,
				P + `6:1: stage 2 has no name; add name = "..."`,
				P + `7:1: unknown stage key "feelin": did you mean "feeling"?`,
				P + `8:1: touchpoints of stage 2 must be a list of text, like ["a", "b"], not the number 1`,
				P + `9:1: unknown stage key "mood"; a stage has name, feeling, touchpoints, pains and metrics, and may have focus, surveys, actions, thinking, frontstage, backstage, support, opportunities, owner, moment, target_feeling and links`,
			}},
		{"yaml stage feeling", "---\ntitle: T\nstages:\n  - name: A\n    feeling: -3\n  - name: B\n    feeling: 1.5\n---\n",
			[]string{
				P + `5:1: feeling -3 is out of range; use -2 (angry), -1, 0 (neutral), 1 or 2 (delighted)`,
				P + `7:1: feeling of stage 2 must be a whole number, not the number 1.5`,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			expectPageErrors(t, tt.src, tt.want)
		})
	}
}

// checkPageInvariants is what must hold for any input: no panic, every
// diagnostic in the file at a position that exists, and a page's body is
// the rest of its source.
// expectPageErrors reads src as a page and wants exactly the diagnostics
// want, in file order, then checks what holds of every page read.
func expectPageErrors(t *testing.T, src string, want []string) {
	t.Helper()
	_, diags := ReadPage(pagePath, []byte(src))
	var got []string
	for _, d := range diags.Sort() {
		got = append(got, d.String())
	}
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	checkPageInvariants(t, pagePath, []byte(src))
}

func checkPageInvariants(t *testing.T, path string, src []byte) {
	t.Helper()
	p, diags := ReadPage(path, src)
	lines := bytes.Count(src, []byte("\n")) + 1
	for _, d := range diags {
		checkDiagInFile(t, d, path, src, lines)
	}
	if p == nil {
		if len(diags) == 0 {
			t.Errorf("no page and no diagnostic")
		}
		return
	}
	if p.BodyOffset < 0 || p.BodyOffset > len(src) || !bytes.Equal(src[p.BodyOffset:], p.Body) {
		t.Errorf("BodyOffset %d does not give Body", p.BodyOffset)
	}
	for _, st := range p.Meta.Journey.Stages {
		if st.Line < 0 || st.Line > lines {
			t.Errorf("stage %q at line %d, outside the file's %d lines", st.Name, st.Line, lines)
		}
	}
}

func checkDiagInFile(t *testing.T, d diag.Diagnostic, path string, src []byte, lines int) {
	t.Helper()
	if d.Path != path {
		t.Errorf("%v: path %q; want %q", d, d.Path, path)
	}
	if d.Line < 0 || d.Line > lines {
		t.Errorf("%v: line %d outside the file's %d lines", d, d.Line, lines)
	}
	if d.Line == 0 {
		if d.Col != 0 {
			t.Errorf("%v: column without a line", d)
		}
		return
	}
	start := diag.OffsetOf(src, d.Line, 1)
	end := bytes.IndexByte(src[start:], '\n')
	if end < 0 {
		end = len(src) - start
	}
	width := len([]rune(string(src[start : start+end])))
	if d.Col < 0 || d.Col > width+1 {
		t.Errorf("%v: column %d outside line %d, %d characters long", d, d.Col, d.Line, width)
	}
	if d.Message == "" {
		t.Errorf("%v: empty message", d)
	}
}

func FuzzReadPage(f *testing.F) {
	testfiles.Seed(f, filepath.Join("testdata", "pages", "*.md"))
	for _, s := range []string{
		"", "+++", "+++\n", "+++\n+++", "---\n---\n", "+++\ntitle = \"T\"\n+++\n",
		"\uFEFF---\ntitle: T\n---\n", "+++\r\ntitle = 'T'\r\n+++\r\n",
		"---\ntitle: [\n---\n", "---\n- a\n---\n", "---\n: x\n---\n", "---\ntitle: &a T\nx: *a\n---\n",
		"+++\n[[stages]]\n[[stages]]\nname = 1\nfeeling = 9\n+++\n",
		"+++\nstatus = \"at risk\"\n[[milestones]]\n[[milestones]]\nname = 1\ndue = \"x\"\ndone = 2026-01-01\n+++\n",
		"---\nmilestones:\n  - {name: a, due: 2026-01-01}\n  - 3\nmetrics: [1]\n---\n",
		"+++\ntitle = \"\"\"\n+++\n\"\"\"\n+++\n",
		"---\nstages:\n  - {name: a, feeling: 1e9}\n  - 3\n---\n",
		"---\naliases: [/a/, b, '//c', 'http://d', '/e/../f']\nlinkTitle: L\nsidebar_label: S\n---\n",
		"---\nauthors:\n  - name: A\n  - {name: 1}\n  - 2\nauthor: {name: B}\n---\n",
		"+++\nkeywords = \"a, ,b\"\nhide = [\"toc\", 1]\nurl = \"/\"\nsidebar_position = 1.5\nweight = 2\n+++\n",
		"---\npublishDate: soon\nexpirydate: 2026-01-01\nLinkTitle: x\nlinktitle: y\n---\n",
		"+++\n[[stages]]\nname = \"A\"\ntarget_feeling = 7\nmoment = 1\nactions = [\"a\", { text = \"b\", failure = true }, { failure = 2 }, { text = 1, x = 1 }, 3]\nlinks = [\"j#s\", \"#\", \"j\", 4]\nowner = [1]\n+++\n",
		"---\nstages:\n  - name: A\n    backstage: [{text: a, failure: yes}, [1]]\n    support: x\n    thinking: {text: t}\n    links: 'a#b'\n---\n",
		"+++\ntarget = 1\ntargetDate = 2026-01-01\nbaseline = { date = 2027-01-01, value = 1e999, vale = 2 }\nalertChange = \"%\"\nmin = 5\n+++\n",
		"---\ntargetDate: x\nbaseline: [1]\nalertChange: '-1e400%'\n---\n",
		"+++\ntarget = 40\ntargetDate = 2027-12-31\nalertChange = 0.0\n[baseline]\ndate = \"2026-01-31\"\nvalue = \"12\"\n+++\n",
		"---\npre: <b>1.</b>\nPost: 2\nhidden: [1]\ntemplate: main.html\nlayout: x\nlang: 3\nslug: /\nhiden: true\n---\n",
		"+++\nslug = \"//a//\"\nTemplate = \".html\"\nhide = 1\nlang = \"\"\n+++\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkPageInvariants(t, "content/fuzz.md", src)
	})
}

func TestReadPageOtherToolsGood(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want FrontMatter // lines is not compared
	}{
		{"mkdocs template is the layout", "---\ntitle: T\ntemplate: wide.html\n---\n",
			FrontMatter{Title: "T", TOC: true, Layout: "wide", LayoutKey: "template"}},
		{"docusaurus id is the slug", "---\ntitle: T\nid: start\n---\n",
			FrontMatter{Title: "T", TOC: true, Slug: "start"}},
		{"pre and post are ignored", "+++\ntitle = \"T\"\npre = \"<b>1. </b>\"\n+++\n",
			FrontMatter{Title: "T", TOC: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, diags := ReadPage(pagePath, []byte(tt.src))
			if diags.HasErrors() {
				t.Fatalf("errors: %v", diags)
			}
			p.Meta.lines = nil
			if !reflect.DeepEqual(p.Meta, tt.want) {
				t.Errorf("Meta =\n%+v\nwant\n%+v", p.Meta, tt.want)
			}
		})
	}
}

// TestReadPageLang: Jekyll's and MkDocs's lang is accepted when it names
// the language the file's name puts the page in, and an error otherwise.
func TestReadPageLang(t *testing.T) {
	two := PageOptions{Language: "en", Languages: []string{"en", "nl"}}
	dutch := PageOptions{Language: "nl", Languages: []string{"en", "nl"}}
	one := PageOptions{Language: "en"}
	tests := []struct {
		name string
		path string
		opts PageOptions
		lang string
		want []string
	}{
		{"the page's language", "content/about.md", two, "en", nil},
		{"in another case, with a region", "content/about.md", two, "EN_us", nil},
		{"a translation's language", "content/about.nl.md", dutch, "nl", nil},
		{"a one-language site's language", "content/about.md", one, "en-GB", nil},
		{"not known: not checked", "content/about.md", PageOptions{}, "fr", nil},
		{"another of the site's languages", "content/about.md", two, "nl",
			[]string{`content/about.md:3:1: lang "nl" says this page is in nl, but it is in en, which its file name says; a page's language comes from its file name, not from lang: name the file about.nl.md to make it the translation into nl, or remove lang`}},
		{"a translation saying another", "content/about.nl.md", dutch, "en",
			[]string{`content/about.nl.md:3:1: lang "en" says this page is in en, but it is in nl, which its file name says; a page's language comes from its file name, not from lang: a page in en, the site's default language, has no code in its name (about.md), so remove lang, or move this text to that page`}},
		{"a translation saying a third language", "content/about.nl.md", PageOptions{Language: "nl", Languages: []string{"en", "nl", "de"}}, "de",
			[]string{`content/about.nl.md:3:1: lang "de" says this page is in de, but it is in nl, which its file name says; a page's language comes from its file name, not from lang: name the file about.de.md to make it the translation into de, or remove lang`}},
		{"a language the site lacks", "content/about.md", two, "fr",
			[]string{`content/about.md:3:1: lang "fr" says this page is in fr, but it is in en, which its file name says; fr is not one of the site's languages (en, nl): remove lang`}},
		{"a one-language site", "content/guide/about.md", one, "fr",
			[]string{`content/guide/about.md:3:1: lang "fr" says this page is in fr, but it is in en, the site's one language; a page's language comes from site.toml and its file name, not from lang: remove lang (to translate the site, add [languages] to site.toml and name the translation content/guide/about.fr.md)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte("---\ntitle: About\nlang: " + tt.lang + "\n---\n")
			_, diags := ReadPageWith(tt.path, src, tt.opts)
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestReadPageAllow(t *testing.T) {
	src := "---\ntitle: T\ndata_source: warehouse\nsumary: x\nparams:\n  colour: blue\n---\n"
	p, diags := ReadPageWith(pagePath, []byte(src), PageOptions{Allow: []string{"data_source"}})
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	want := []string{pagePath + `:4:1: unknown front matter key "sumary": did you mean "summary"?`}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("diagnostics %q, want %q", got, want)
	}
	if p.Meta.Params["data_source"] != "warehouse" || p.Meta.Params["colour"] != "blue" {
		t.Errorf("params %v: want data_source and colour", p.Meta.Params)
	}
	if _, diags := ReadPage(pagePath, []byte(src)); len(diags) != 2 {
		t.Errorf("without allow: %d diagnostics, want 2 (data_source and sumary)", len(diags))
	}
}

// TestWrites: a key is written when the front matter has it, even empty
// (tags = []); a key left out, or a page without front matter, writes none.
func TestWrites(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		want      bool
	}{
		{"TOML tags", "+++\ntitle = \"A\"\ntags = [\"x\"]\n+++\nA.\n", true},
		{"TOML tags empty", "+++\ntitle = \"A\"\ntags = []\n+++\nA.\n", true},
		{"TOML without tags", "+++\ntitle = \"A\"\n+++\nA.\n", false},
		{"YAML tags", "---\ntitle: A\ntags:\n  - x\n---\nA.\n", true},
		{"YAML tags empty", "---\ntitle: A\ntags: []\n---\nA.\n", true},
		{"YAML without tags", "---\ntitle: A\n---\nA.\n", false},
		{"no front matter", "# A\n\nA.\n", false},
	} {
		p, diags := ReadPage(pagePath, []byte(tt.src))
		if diags.HasErrors() {
			t.Fatalf("%s: %v", tt.name, diags.Err())
		}
		if got := p.Meta.Writes("tags"); got != tt.want {
			t.Errorf("%s: Writes(\"tags\") = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestTOCKeysOfHugoThemes: the learn theme's disableToc and hugo-book's
// bookToc hide "On this page" as toc = false does.
func TestTOCKeysOfHugoThemes(t *testing.T) {
	for _, tt := range []struct {
		src string
		toc bool
	}{
		{"---\ntitle: T\ndisableToc: true\n---\n", false},
		{"---\ntitle: T\ndisableToc: false\n---\n", true},
		{"---\ntitle: T\nbookToc: false\n---\n", false},
		{"---\ntitle: T\nbookToc: true\n---\n", true},
	} {
		p, diags := ReadPage("content/a.md", []byte(tt.src))
		if len(diags) > 0 || p.Meta.TOC != tt.toc {
			t.Errorf("%q: toc %v (%v), want %v", tt.src, p.Meta.TOC, diags, tt.toc)
		}
	}
}
