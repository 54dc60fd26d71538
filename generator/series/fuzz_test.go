package series

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/shiftbook/shiftbook/generator/internal/testfiles"
)

// The fuzz targets are seeded from the inputs under testdata/ and a
// few troublesome fragments; the invariants are those of
// checkInvariants: no panic, every diagnostic's line within the file
// (or 0 for the whole file), at most the cap, points sorted by date.

func FuzzReadCSV(f *testing.F) {
	testfiles.Seed(f, filepath.Join("testdata", "*.csv"),
		"",
		"date,value\n",
		"\uFEFFdate,value\r\n2025-11-30,41.2\r\n",
		"date,value\n2025-11-30,4\"1\n\"2025-12-01\"x,2\n",
		"date,value,note\n2025-11-30,1,\"open\n",
		"date,value,\n2025-11-30,1,x,y\n2025-12-01\n",
		"date;value\n2025-11-30;41,2\n",
		"value,date\n1e999,2025-02-30\nNaN,2025-11-30T10:00:00Z\n",
		"date,value\n2025-11-30,1\n2025-11-30,2\n",
		"date,value\n\xff,1\n",
		"date,value,segment,n,note,region\n2025-11-30,1,all,12,x,north\n2025-11-30,2,business,0,,\n2025-11-30,3,business,1.5,,\n",
		"date,value,segmnet,N,Notes\n2025-11-30,1,a,-1,\n",
		"date,value,segment\n2025-11-30,1,consumer\n2025-11-30,2,business\n",
		"date,value,n\n2025-11-30,1,99999999999999999999\n2025-12-01,1,\"1,204\"\n",
	)
	f.Fuzz(func(t *testing.T, src []byte) {
		checkInvariants(t, "content/data/fuzz.csv", src)
	})
}

func FuzzReadJSON(f *testing.F) {
	testfiles.Seed(f, filepath.Join("testdata", "*.json"),
		"",
		"[]",
		`{"points": []}`,
		`[{"date": "2025-11-30", "value": "41.2"}, 1, null, {"date": 1, "value": [1], "x": {}}]`,
		`[{"date": "2025-11-30", "value": 1}, {"date": "2025-11-30", "value": 1e400}]`,
		"[\n  {\"date\": \"2025-11-30\" \"value\": 41.2}\n]",
		`[{"date": "2025-11-30", "value": 41.2}`,
		`[{"date": "2025-11-30", "value": 41.2, "Value": 1}] x`,
		"\uFEFF[{\"DATE\":\"2025-11-30T23:00:00-05:00\",\"value\":-0}]",
		`[{"date": "2025-11-30", "value": 1, "segment": "all", "n": 12, "channel": "app"}, {"date": "2025-11-30", "value": 2, "segment": "b", "n": "3"}]`,
		`[{"date": "2025-11-30", "value": 1, "segment": 1, "n": 1e99, "notes": true, "Segment": "x"}]`,
		`[{"date": "2025-11-30", "value": 1, "n": 12.5}, {"date": "2025-11-30", "value": 1, "segment": "All"}]`,
	)
	f.Fuzz(func(t *testing.T, src []byte) {
		checkInvariants(t, "content/data/fuzz.json", src)
	})
}

func FuzzReadTOML(f *testing.F) {
	testfiles.Seed(f, filepath.Join("testdata", "*.toml"),
		"",
		"[[points]]\ndate = 2025-11-30\nvalue = = 41.2\n",
		"[[points]]\ndate = 2025-11-30T10:00:00\nvalue = nan\nvalu = 1\n[[points]]\nvalue = \"41.2\"\n",
		"[points]\ndate = 2025-11-30\nvalue = 1\n",
		"date = 2025-11-30\nvalue = 1\ntitle = 'x'\n[meta]\n",
		"points = [\n  {date = 2025-11-30, value = 1},\n  {date = \"2025-11-30\", value = 'x'},\n]\n",
		"points = [1, 'a', [2]]\n",
		"points = [\n  {date = 2025-11-30,\n   value = \"x\"},\n  {date = 2025-12-01, note = \"a \\\" [[points]] # ,{\", value = [{a = 1}, 2]},\n]\n",
		"[[points]]\nnote = '''\n[[points]]\n'''\ndate = 2025-11-30\nvalue = 1\n[points.sub]\nx = 1\n",
		strings.Repeat("[[points]]\ndate = 2025-11-30\nvalue = 1\n", 3),
		"[[points]]\ndate = 2025-11-30\nvalue = 1\nn = 12\nsegment = 'all'\nwave = 2025-01-01\n[[points]]\ndate = 2025-11-30\nvalue = 2\nsegment = 'b'\nn = 1.0\n",
		"[[points]]\ndate = 2025-11-30\nvalue = 1\nSegment = 1\nsegmnet = 'x'\nn = -3\nmeta = {a = 1}\n",
		"points = [{date = 2025-11-30, value = 1, n = 9999999999999}, {date = 2025-11-30, value = 1, segment = 'x'}]\n",
	)
	f.Fuzz(func(t *testing.T, src []byte) {
		checkInvariants(t, "content/data/fuzz.toml", src)
	})
}
