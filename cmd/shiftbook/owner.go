package main

import (
	"fmt"

	"github.com/shiftbook/shiftbook/generator/diag"
	"github.com/shiftbook/shiftbook/generator/link"
	"github.com/shiftbook/shiftbook/generator/parse"
	"github.com/shiftbook/shiftbook/generator/pipeline"
)

// forOwner keeps the problems that are one owner's to act on (check
// --owner), so that a weekly job can send each owner their own list. The
// site's errors stay: a broken site is everyone's news, and the exit code
// says so. msg is set when no page names the owner.
func forOwner(res *pipeline.Result, diags diag.List, name string) (*link.Owner, diag.List, string) {
	var owner *link.Owner
	if res != nil {
		if owner = res.Site.OwnerNamed(name); owner == nil {
			var names []string
			for _, o := range res.Site.Owners {
				names = append(names, o.Name)
			}
			return nil, nil, fmt.Sprintf("no page names the owner %q%s", name,
				diag.DidYouMean(name, names, "; owners are written as owner = \"...\" in front matter, and listed on /owners/"))
		}
	}
	key := parse.OwnerKey(name)
	var kept diag.List
	for _, d := range diags {
		if d.Severity == diag.SeverityError || (d.Owner != "" && parse.OwnerKey(d.Owner) == key) {
			kept = append(kept, d)
		}
	}
	return owner, kept, ""
}
